import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const extRoot = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(extRoot, 'package.json'), 'utf8'));

test('dependency versions are pinned exactly', () => {
  for (const deps of [pkg.dependencies, pkg.devDependencies]) {
    for (const [name, version] of Object.entries<string>(deps)) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${name}@${version} is not pinned`);
    }
  }
  assert.ok(fs.existsSync(path.join(extRoot, 'package-lock.json')), 'package-lock.json is committed');
});

test('@types/vscode does not exceed the engine (vsce refuses that)', () => {
  const engine = pkg.engines.vscode.replace(/^\^/, '');
  assert.equal(pkg.devDependencies['@types/vscode'], engine);
});

test('the package ships the bundle, the webview assets and the server jar, not the sources', () => {
  const ignore = fs.readFileSync(path.join(extRoot, '.vscodeignore'), 'utf8');
  for (const left of ['src/**', 'test/**', 'node_modules/**', 'out/**']) {
    assert.ok(ignore.split('\n').includes(left), `.vscodeignore leaves out ${left}`);
  }
  for (const line of ignore.split('\n')) {
    assert.ok(!['dist/**', 'server/**', 'server/archlens.jar', 'README.md'].includes(line.trim()), `${line} must ship`);
  }
  assert.equal(pkg.main, './dist/extension.js');
  assert.match(pkg.scripts['vscode:prepublish'], /copy-server/);
  assert.match(pkg.scripts['vscode:prepublish'], /build\.mjs --production/);
});

test('the extension contributes no language (it never takes over files from other extensions)', () => {
  assert.equal(pkg.contributes.languages, undefined);
  assert.equal(pkg.contributes.grammars, undefined);
});

test('every command has a title under the ArchLens category', () => {
  for (const c of pkg.contributes.commands) {
    assert.equal(c.category, 'ArchLens');
    assert.ok(c.title.length > 3);
  }
  assert.ok(pkg.contributes.commands.some((c: any) => c.title === 'Set API Key'));
});

test('activation is limited to files ArchLens analyses (no JVM started for every window or JSON file)', () => {
  for (const e of ['*', 'onStartupFinished', 'onLanguage:json', 'onLanguage:plaintext']) {
    assert.ok(!pkg.activationEvents.includes(e), `activation on ${e}`);
  }
  assert.ok(pkg.activationEvents.includes('onLanguage:dockerfile'));
});
