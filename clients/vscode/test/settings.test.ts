import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  allContributions,
  camelToKebab,
  ConfigLike,
  initializationOptions,
  isRestricted,
  kebabToCamel,
  serverKeys,
  serverPath,
  toServerSettings,
} from '../src/settings';

const extRoot = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(extRoot, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(extRoot, '..', '..', 'docs', 'settings.json'), 'utf8'));
const contributed: Record<string, Record<string, unknown>> = pkg.contributes.configuration.properties;

/** Leaf paths of the schema (kebab-case, dotted), with their nodes. */
function schemaLeaves(node: any = schema, prefix: string[] = []): Map<string, any> {
  const out = new Map<string, any>();
  for (const [k, child] of Object.entries<any>(node.properties ?? {})) {
    const p = [...prefix, k];
    if (child.properties) {
      schemaLeaves(child, p).forEach((v, key) => out.set(key, v));
    } else {
      out.set(p.join('.'), child);
    }
  }
  return out;
}

test('case conversions match the server (Session.kebab)', () => {
  assert.equal(camelToKebab('maxFileBytes'), 'max-file-bytes');
  assert.equal(camelToKebab('baseUrl'), 'base-url');
  assert.equal(camelToKebab('apiKeyEnv'), 'api-key-env');
  assert.equal(camelToKebab('requestsPerSecond'), 'requests-per-second');
  assert.equal(kebabToCamel('max-file-bytes'), 'maxFileBytes');
  assert.deepEqual(serverPath('context.database.maxConnections'), ['context', 'database', 'max-connections']);
});

test('package.json contributes exactly the settings generated from docs/settings.json (npm run sync-settings)', () => {
  assert.deepEqual(contributed, allContributions(schema));
});

test('every contributed server setting is a setting the server reads, with the same type, enum and default', () => {
  const leaves = schemaLeaves();
  const keys = serverKeys(contributed);
  assert.ok(keys.length >= 20, `${keys.length} server settings contributed`);
  for (const key of keys) {
    const kebab = serverPath(key).join('.');
    const node = leaves.get(kebab);
    assert.ok(node, `archlens.${key} maps to ${kebab}, which docs/settings.json (the server's schema) lacks`);
    const c = contributed[`archlens.${key}`];
    assert.deepEqual(c.type, node.type, `type of archlens.${key}`);
    assert.deepEqual(c.enum, node.enum, `enum of archlens.${key}`);
    assert.deepEqual(c.default, node.default, `default of archlens.${key}`);
  }
});

test('every server setting meant for editors is contributed', () => {
  for (const [kebab, node] of schemaLeaves()) {
    const vscodeKey = 'archlens.' + kebab.split('.').map(kebabToCamel).join('.');
    const hiddenByParent = kebab.split('.').some((_s, i, segs) => {
      let n: any = schema;
      for (const s of segs.slice(0, i + 1)) {
        n = n.properties[s];
      }
      return n['x-vscode'] === false;
    });
    if (node['x-vscode'] === false || hiddenByParent) {
      assert.ok(!(vscodeKey in contributed), `${vscodeKey} is marked x-vscode: false but contributed`);
    } else {
      assert.ok(vscodeKey in contributed, `${kebab} (docs/settings.json) is not contributed as ${vscodeKey}`);
    }
  }
  for (const k of ['archlens.rules', 'archlens.agent.provider', 'archlens.agent.baseUrl', 'archlens.agent.model',
    'archlens.agent.triggers.onSave', 'archlens.agent.triggers.onType', 'archlens.agent.enabled', 'archlens.ignore']) {
    assert.ok(k in contributed, k);
  }
});

test('no API key setting exists: keys live in SecretStorage only', () => {
  for (const k of Object.keys(contributed)) {
    assert.ok(!/api-?key$/i.test(k), `${k} looks like a key stored in settings`);
  }
});

test('agent settings and java.home are restricted in untrusted workspaces', () => {
  const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
  assert.ok(restricted.includes('archlens.java.home'));
  assert.ok(restricted.includes('archlens.agent.baseUrl'));
  assert.deepEqual(restricted, Object.keys(contributed).filter(isRestricted));
});

/** A WorkspaceConfiguration stand-in: `user` values are explicit, `defaults` are VS Code's. */
function config(user: Record<string, unknown>, defaults: Record<string, unknown> = {}): ConfigLike {
  return {
    get: <T>(k: string) => (k in user ? user[k] : defaults[k]) as T | undefined,
    inspect: <T>(k: string) => ({ defaultValue: defaults[k] as T, globalValue: user[k] as T | undefined }),
  };
}

test('only explicit values are sent, nested and kebab-case, so VS Code defaults never override .archlens.yml', () => {
  const keys = serverKeys(contributed);
  const defaults: Record<string, unknown> = {};
  for (const k of keys) {
    defaults[k] = contributed[`archlens.${k}`].default;
  }
  assert.deepEqual(toServerSettings(config({}, defaults), keys), {});
  const s = toServerSettings(config({
    maxFileBytes: 1000,
    'rules': { 'docker/no-latest-tag': 'error', 'k8s/*': 'off' },
    'agent.baseUrl': 'http://localhost:11434/v1',
    'agent.triggers.onType': true,
    'context.database.maxConnections': 200,
    'context.stage': 'production',
    'java.home': '/opt/jdk',
  }, defaults), keys);
  assert.deepEqual(s, {
    'max-file-bytes': 1000,
    rules: { 'docker/no-latest-tag': 'error', 'k8s/*': 'off' },
    agent: { 'base-url': 'http://localhost:11434/v1', triggers: { 'on-type': true } },
    context: { database: { 'max-connections': 200 }, stage: 'production' },
  });
});

test('initializationOptions carry the settings, trust, the status opt-in and the API key', () => {
  const init = initializationOptions({ agent: { enabled: true } }, { trusted: false, apiKey: 'sk-test' });
  assert.deepEqual(init, {
    agent: { enabled: true },
    trustedWorkspace: false,
    statusNotification: true,
    agentApiKey: 'sk-test',
  });
  const noKey = initializationOptions({}, { trusted: true });
  assert.deepEqual(noKey, { trustedWorkspace: true, statusNotification: true });
  const settings = { agent: { model: 'm' } };
  initializationOptions(settings, { trusted: true, apiKey: 'k' });
  assert.deepEqual(settings, { agent: { model: 'm' } }, 'the settings object is not modified');
});
