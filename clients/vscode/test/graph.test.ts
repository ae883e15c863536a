import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { graphHtml } from '../src/graph';
import { mermaidText } from '../src/extension';

const extRoot = path.join(__dirname, '..', '..');

test('the graph webview loads only the extension\'s own scripts (no CDN, no network)', () => {
  const html = graphHtml({
    cspSource: 'vscode-webview://abc',
    nonce: 'N0NCE',
    mermaidUri: 'vscode-webview://abc/dist/media/mermaid.min.js',
    scriptUri: 'vscode-webview://abc/dist/media/graph.js',
    styleUri: 'vscode-webview://abc/dist/media/graph.css',
  });
  assert.doesNotMatch(html, /https?:\/\//, 'no remote URL in the page');
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N0NCE'/);
  assert.doesNotMatch(csp, /unsafe-eval|connect-src/);
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 2);
  for (const s of scripts) {
    assert.match(s, /nonce="N0NCE"/);
  }
  assert.match(html, /mermaid\.min\.js/);
});

test('mermaid comes from npm and is copied into the bundle by the build', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(extRoot, 'package.json'), 'utf8'));
  assert.match(pkg.devDependencies.mermaid, /^\d+\.\d+\.\d+$/);
  const build = fs.readFileSync(path.join(extRoot, 'scripts', 'build.mjs'), 'utf8');
  assert.match(build, /mermaid\.min\.js/);
  const webviewScript = fs.readFileSync(path.join(extRoot, 'media', 'graph.js'), 'utf8');
  assert.doesNotMatch(webviewScript, /https?:\/\//);
  assert.match(webviewScript, /securityLevel: 'strict'/);
});

test('the graph command may answer with text or an object holding it', () => {
  assert.equal(mermaidText('graph TD; a-->b'), 'graph TD; a-->b');
  assert.equal(mermaidText({ mermaid: 'graph LR; x-->y' }), 'graph LR; x-->y');
  assert.equal(mermaidText(null), '');
});
