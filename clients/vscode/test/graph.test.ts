import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { graphHtml } from '../src/graph';
import { graphPayload, mermaidText } from '../src/extension';

const extRoot = path.join(__dirname, '..', '..');

test('the graph webview loads only the extension\'s own scripts (no CDN, no network)', () => {
  const html = graphHtml({
    cspSource: 'vscode-webview://abc',
    nonce: 'N0NCE',
    scriptUri: 'vscode-webview://abc/dist/media/graph.js',
    styleUri: 'vscode-webview://abc/dist/media/graph.css',
  });
  assert.doesNotMatch(html, /https?:\/\//, 'no remote URL in the page');
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N0NCE'/);
  assert.doesNotMatch(csp, /unsafe-eval|connect-src/);
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1, 'the view\'s own script; the server draws the graph');
  for (const s of scripts) {
    assert.match(s, /nonce="N0NCE"/);
  }
  assert.doesNotMatch(html, /mermaid\.min\.js/);
});

test('the view draws nothing itself: no mermaid in the package or the build, the server\'s drawing is shown', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(extRoot, 'package.json'), 'utf8'));
  assert.equal(pkg.devDependencies.mermaid, undefined);
  assert.equal(pkg.dependencies.mermaid, undefined);
  const build = fs.readFileSync(path.join(extRoot, 'scripts', 'build.mjs'), 'utf8');
  assert.doesNotMatch(build, /mermaid\.min\.js/);
  const webviewScript = fs.readFileSync(path.join(extRoot, 'media', 'graph.js'), 'utf8');
  assert.doesNotMatch(webviewScript, /https?:\/\//);
  assert.match(webviewScript, /DOMParser/);
  assert.doesNotMatch(webviewScript, /<svg|createElementNS/, 'no drawing code of its own');
});

test('the graph command may answer with text or an object holding it', () => {
  assert.equal(mermaidText('graph TD; a-->b'), 'graph TD; a-->b');
  assert.equal(mermaidText({ mermaid: 'graph LR; x-->y' }), 'graph LR; x-->y');
  assert.equal(mermaidText(null), '');
});

test('the graph command\'s answer: the drawing and the Mermaid text, or an older server\'s text', () => {
  assert.deepEqual(graphPayload({ svg: '<svg/>', mermaid: 'flowchart LR' }), { svg: '<svg/>', mermaid: 'flowchart LR' });
  assert.deepEqual(graphPayload('flowchart LR\n  a --> b'), { svg: '', mermaid: 'flowchart LR\n  a --> b' });
  assert.deepEqual(graphPayload(undefined), { svg: '', mermaid: '' });
});
