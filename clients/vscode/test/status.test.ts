import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { render, StatusBar } from '../src/status';

test('each state renders distinctly; errors carry their reason', () => {
  assert.match(render('idle').text, /\$\(check\) ArchLens/);
  assert.match(render('reviewing', undefined, 'file:///w/deploy/Dockerfile').text, /reviewing Dockerfile/);
  const e = render('error', 'no Java 17+ found');
  assert.equal(e.error, true);
  assert.match(e.tooltip, /no Java 17\+ found/);
  assert.match(render('busy', 'settings: re-analysing 3 files').tooltip, /re-analysing 3 files/);
  assert.equal(render('idle').error, false);
});

test('server status notifications drive the item', () => {
  const s = new StatusBar('archlens.showOutput');
  s.fromServer({ state: 'reviewing', uri: 'file:///w/compose.yaml' });
  assert.equal(s.state, 'reviewing');
  assert.match(s.view.text, /reviewing compose\.yaml/);
  s.fromServer({ state: 'error', message: 'agent: 401 invalid API key' });
  assert.equal(s.state, 'error');
  assert.match(String(s.view.tooltip), /401 invalid API key/);
  s.fromServer({ state: 'idle' });
  assert.equal(s.state, 'idle');
  s.fromServer({ state: 'bogus' as any });
  assert.equal(s.state, 'idle', 'unknown states read as idle');
});

test('a running review is not hidden by an idle from the server; a failed one shows its reason', async () => {
  const s = new StatusBar('archlens.showOutput');
  let finish!: (v: string) => void;
  const p = s.reviewing('file:///w/Dockerfile', () => new Promise<string>((r) => (finish = r)));
  assert.equal(s.state, 'reviewing');
  s.fromServer({ state: 'idle' });
  assert.equal(s.state, 'reviewing');
  finish('done');
  assert.equal(await p, 'done');
  assert.equal(s.state, 'idle');
  await assert.rejects(s.reviewing('file:///w/Dockerfile', () => Promise.reject(new Error('rate limited'))));
  assert.equal(s.state, 'error');
  assert.equal(s.message, 'rate limited');
});
