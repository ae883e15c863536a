import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { CONFIG_GROUPS, documentSelector, SOURCE_GROUP } from '../src/selectors';

// VS Code matches document selector patterns against the absolute path, with glob semantics close to minimatch's.
function selected(path: string, agentEnabled = false): boolean {
  return documentSelector({ agentEnabled }).some((f) => minimatch(path, f.pattern, { dot: true }));
}

const ws = '/home/dev/shop';

test('selectors are file-scheme patterns only: no language ids, so no other extension is hijacked', () => {
  for (const f of documentSelector({ agentEnabled: true })) {
    assert.deepEqual(Object.keys(f).sort(), ['pattern', 'scheme']);
    assert.equal(f.scheme, 'file');
  }
});

test('every config kind the server analyses is selected', () => {
  const yes = [
    'Dockerfile', 'Dockerfile.prod', 'api.Dockerfile', 'web.dockerfile', 'Containerfile', 'dockerfile',
    'docker-compose.yml', 'docker-compose.override.yaml', 'compose.yaml', 'compose.prod.yml',
    'k8s/base/deployment.yaml', 'deploy/helm-rendered/service.yml',
    'nginx/nginx.conf', 'conf.d/default.conf', 'sites-enabled/api.nginx',
    'src/main/resources/application.properties', 'src/main/resources/application-prod.properties',
    'src/main/resources/bootstrap.properties', 'src/main/resources/application.yml',
    '.env', '.env.production', 'config/app.env',
    'db/migration/V1__init.sql', 'infra/main.tf',
    'api/openapi.yaml', 'api/openapi.json', 'docs/swagger.json',
    '.github/workflows/ci.yml', '.archlens.yml', '.archlens/agents/team-reviewer.md',
    'src/main/java/com/example/OrderService.java', 'app/main.py', 'src/index.ts', 'web/App.tsx', 'server.mjs',
    'cmd/api/main.go',
  ];
  for (const p of yes) {
    assert.ok(selected(`${ws}/${p}`), `${p} should be selected`);
  }
});

test('unrelated files are not sent to the server', () => {
  const no = ['README.md', 'package.json', 'docs/guide.md', 'pom.xml', 'gradle.properties', 'Makefile',
    'docs/agents/x.md', 'go.mod', 'requirements.txt'];
  for (const p of no) {
    assert.ok(!selected(`${ws}/${p}`), `${p} should not be selected`);
  }
});

test('source code without a rule pack is sent only while the agent is enabled; Java, Python, JS/TS, Go always', () => {
  for (const p of ['src/Main.java', 'app.py', 'src/index.ts', 'main.go']) {
    assert.ok(selected(`${ws}/${p}`, false), p);
  }
  for (const p of ['Api.cs', 'build.gradle.kts', 'Main.kt']) {
    assert.ok(!selected(`${ws}/${p}`, false), p);
    assert.ok(selected(`${ws}/${p}`, true), p);
  }
  assert.equal(documentSelector({ agentEnabled: false }).length, CONFIG_GROUPS.length);
  assert.equal(documentSelector({ agentEnabled: true }).length, CONFIG_GROUPS.length + 1);
  assert.ok(SOURCE_GROUP.kinds.includes('kotlin'));
  assert.ok(!SOURCE_GROUP.kinds.includes('java') && !SOURCE_GROUP.kinds.includes('python'));
});

test('every file kind the server knows (FileKind.java) is covered by some selector group', () => {
  const src = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'server', 'src', 'main', 'java', 'io',
    'archlens', 'filekind', 'FileKind.java'), 'utf8');
  const serverKinds = [...src.matchAll(/^\s+[A-Z_]+\("([a-z-]+)"/gm)].map((m) => m[1]).filter((k) => k !== 'unknown');
  assert.ok(serverKinds.length >= 20, `parsed ${serverKinds.length} kinds from FileKind.java`);
  const kinds = new Set([...CONFIG_GROUPS, SOURCE_GROUP].flatMap((g) => g.kinds));
  for (const k of serverKinds) {
    assert.ok(kinds.has(k), `no selector for the server's file kind ${k}`);
  }
});
