import { test, beforeEach } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { state } from './mock/vscode';
import { activate, archivePlan, baseJvmArgs, ClientLike, COMMANDS, Deps, describeReview, JVM_ARGS, SECRET_API_KEY, SERVER_COMMANDS, serverJvmArgs } from '../src/extension';

const extRoot = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(extRoot, 'package.json'), 'utf8'));

/** An extension folder with a (fake) server jar, and a context over it. */
function context(opts: { jar?: boolean; secrets?: Record<string, string> } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-ext-'));
  if (opts.jar !== false) {
    fs.mkdirSync(path.join(dir, 'server'));
    fs.writeFileSync(path.join(dir, 'server', 'archlens.jar'), 'jar');
  }
  const secrets = new Map(Object.entries(opts.secrets ?? {}));
  return {
    dir,
    secrets,
    ctx: {
      subscriptions: [] as { dispose(): unknown }[],
      extension: { packageJSON: pkg },
      extensionUri: { scheme: 'file', path: dir },
      asAbsolutePath: (p: string) => path.join(dir, p),
      globalStorageUri: { scheme: 'file', fsPath: path.join(dir, 'storage') },
      secrets: {
        get: async (k: string) => secrets.get(k),
        store: async (k: string, v: string) => void secrets.set(k, v),
        delete: async (k: string) => void secrets.delete(k),
      },
    } as any,
  };
}

interface FakeClient extends ClientLike {
  server: any;
  options: any;
  requests: { method: string; params: any }[];
  notify(method: string, params: unknown): void;
  stopped: boolean;
}

function deps(opts: { java?: string | null; commands?: string[]; answer?: (m: string, p: any) => unknown } = {}) {
  const clients: FakeClient[] = [];
  const runs: { command: string; args: string[]; env: Record<string, string | undefined> }[] = [];
  const javaOut = opts.java === undefined ? 'openjdk version "17.0.15" 2025-04-15' : opts.java;
  const d: Deps = {
    env: { PATH: '/usr/bin' },
    platform: 'linux',
    // a JVM that writes the archive it is asked for (-XX:ArchiveClassesAtExit=FILE)
    run: async (command, args, env) => {
      runs.push({ command, args, env });
      const out = args.find((a) => a.startsWith('-XX:ArchiveClassesAtExit='));
      if (out !== undefined) {
        fs.writeFileSync(out.substring('-XX:ArchiveClassesAtExit='.length), 'archive');
      }
      return 0;
    },
    probe: {
      isFile: (p) => p === '/usr/bin/java' && javaOut !== null,
      versionOutput: async () => javaOut ?? undefined,
    },
    createClient: (server, options) => {
      const handlers = new Map<string, (p: unknown) => void>();
      const stateListeners: ((e: { oldState: number; newState: number }) => void)[] = [];
      const c: FakeClient = {
        server,
        options,
        requests: [],
        stopped: false,
        initializeResult: { capabilities: { executeCommandProvider: { commands: opts.commands ?? ['archlens.fixAll'] } } },
        async start() {
          stateListeners.forEach((l) => l({ oldState: 1, newState: 3 })); // Starting
          stateListeners.forEach((l) => l({ oldState: 3, newState: 2 })); // Running
        },
        async stop() {
          c.stopped = true;
          stateListeners.forEach((l) => l({ oldState: 2, newState: 1 })); // Stopped
        },
        async sendRequest(method: string, params: any) {
          c.requests.push({ method, params });
          return opts.answer ? opts.answer(method, params) : null;
        },
        onNotification(method, handler) {
          handlers.set(method, handler);
          return { dispose() {} };
        },
        onDidChangeState(l) {
          stateListeners.push(l);
          return { dispose() {} };
        },
        notify(method, params) {
          handlers.get(method)?.(params);
        },
      };
      clients.push(c);
      return c;
    },
  };
  return { d, clients, runs };
}

beforeEach(() => state.reset());

test('activation starts the bundled jar with the Java found, and registers every contributed command', async () => {
  const { ctx, dir } = context();
  const { d, clients } = deps();
  const c = await activate(ctx, d);
  assert.equal(clients.length, 1);
  const server = clients[0].server;
  assert.equal(server.command, '/usr/bin/java');
  assert.deepEqual(server.args, [...JVM_ARGS, '-jar', path.join(dir, 'server', 'archlens.jar'), 'lsp']);
  const contributedCommands = pkg.contributes.commands.map((x: any) => x.command).sort();
  assert.deepEqual([...state.commands.keys()].sort(), contributedCommands);
  assert.deepEqual(Object.values(COMMANDS).sort(), contributedCommands);
  for (const serverCmd of Object.values(SERVER_COMMANDS)) {
    assert.ok(!contributedCommands.includes(serverCmd), `${serverCmd} is registered by vscode-languageclient; the extension must not contribute it`);
  }
  assert.equal(c.status.state, 'idle');
  c.dispose();
});

test('server JVM options: logging off stdout always; a self-maintained class-data archive from Java 19', () => {
  for (const v of [17, 18, 21]) {
    const args = serverJvmArgs(v, '/store');
    assert.ok(args.includes('-Xlog:disable') && args.includes('-Xlog:all=warning:stderr'), args.join(' '));
    assert.equal(args.includes('-XX:+AutoCreateSharedArchive'), v >= 19, `Java ${v}: ${args.join(' ')}`);
  }
  assert.ok(serverJvmArgs(21, '/store').includes(`-XX:SharedArchiveFile=${path.join('/store', 'archlens-java21.jsa')}`));
  assert.deepEqual(serverJvmArgs(21, undefined), JVM_ARGS, 'no storage folder, no archive');
  for (const v of [17, 21, 23, 25]) {
    // Java 24+ warns on stderr about the tree-sitter copy's Unsafe reads unless they are allowed (the option exists from 23)
    assert.equal(serverJvmArgs(v, undefined).includes('--sun-misc-unsafe-memory-access=allow'), v >= 23, `Java ${v}`);
  }
});

test('archive plan: Java 19+ lets the JVM keep it; Java 17 uses a fresh one, or makes one after the start', () => {
  const jar = '/ext/server/archlens.jar';
  const target = path.join('/store', 'archlens-java17.jsa');
  const none = archivePlan(17, '/store', jar, (f) => (f === jar ? 1000 : undefined));
  assert.deepEqual(none.args, JVM_ARGS, 'no archive yet: start without one');
  assert.ok(none.train !== undefined);
  assert.ok(none.train.args.includes(`-XX:ArchiveClassesAtExit=${none.train.tmp}`), none.train.args.join(' '));
  assert.deepEqual(none.train.args.slice(-3), ['-jar', jar, '--warm-up-server'], 'the editor session alone');
  assert.equal(none.train.target, target);
  const fresh = archivePlan(17, '/store', jar, (f) => (f === jar ? 1000 : 2000));
  assert.ok(fresh.args.includes(`-XX:SharedArchiveFile=${target}`) && fresh.train === undefined, fresh.args.join(' '));
  const stale = archivePlan(17, '/store', jar, (f) => (f === jar ? 3000 : 2000));
  assert.ok(stale.train !== undefined && !stale.args.some((a) => a.startsWith('-XX:SharedArchiveFile')), 'a newer jar');
  assert.deepEqual(archivePlan(21, '/store', jar, () => 1).args, serverJvmArgs(21, '/store'));
  assert.equal(archivePlan(17, undefined, jar, () => 1).train, undefined, 'no storage folder, no archive');
});

test('on Java 17 the first start writes the archive in the background and the next start uses it', async () => {
  const { ctx, dir } = context();
  const { d, clients, runs } = deps();
  const c = await activate(ctx, d);
  await c.archiveTraining;
  assert.equal(runs.length, 1);
  assert.equal(runs[0].args[runs[0].args.length - 1], '--warm-up-server');
  const target = path.join(dir, 'storage', 'archlens-java17.jsa');
  assert.ok(fs.existsSync(target), 'the archive is renamed into place when complete');
  assert.ok(!fs.readdirSync(path.join(dir, 'storage')).some((f) => f.endsWith('.tmp')), 'no temporary file left');
  await c.restart();
  const args = clients[clients.length - 1].server.args as string[];
  assert.ok(args.includes(`-XX:SharedArchiveFile=${target}`), args.join(' '));
  assert.equal(runs.length, 1, 'made once');
  c.dispose();
});

test('on Java 21 the server keeps its class-data archive in the global storage folder', async () => {
  const { ctx, dir } = context();
  const { d, clients } = deps({ java: 'openjdk version "21.0.5" 2024-10-15' });
  const c = await activate(ctx, d);
  const args = clients[0].server.args as string[];
  assert.ok(fs.existsSync(path.join(dir, 'storage')), 'the storage folder is created');
  assert.ok(args.includes(`-XX:SharedArchiveFile=${path.join(dir, 'storage', 'archlens-java21.jsa')}`), args.join(' '));
  assert.deepEqual(args.slice(-3), ['-jar', path.join(dir, 'server', 'archlens.jar'), 'lsp']);
  c.dispose();
});

test('client options: pattern selectors, settings fallback, trust, status opt-in, API key from SecretStorage', async () => {
  state.config['archlens.rules'] = { value: { 'docker/*': 'error' }, default: {} };
  state.config['archlens.maxFileBytes'] = { default: 2097152 };
  state.trusted = false;
  const { ctx } = context({ secrets: { [SECRET_API_KEY]: 'sk-secret' } });
  const { d, clients } = deps();
  const c = await activate(ctx, d);
  const o = clients[0].options;
  assert.ok(o.documentSelector.length > 5);
  assert.ok(o.documentSelector.every((f: any) => f.scheme === 'file' && typeof f.pattern === 'string' && !('language' in f)));
  assert.deepEqual(o.initializationOptions, {
    rules: { 'docker/*': 'error' },
    trustedWorkspace: false,
    statusNotification: true,
    agentApiKey: 'sk-secret',
  });
  // the server's workspace/configuration request gets the mapped settings, not VS Code's raw object
  const answer = o.middleware.workspace.configuration({ items: [{ section: 'archlens' }] }, undefined, () => {
    throw new Error('must not fall through');
  });
  assert.deepEqual(answer, [{ rules: { 'docker/*': 'error' } }]);
  assert.equal(JSON.stringify(answer).includes('sk-secret'), false, 'the key is never part of the settings');
  c.dispose();
});

test('no Java: a clear error with the fix, the status shows it, no server is started', async () => {
  const { ctx } = context();
  const { d, clients } = deps({ java: null });
  const c = await activate(ctx, d);
  assert.equal(clients.length, 0);
  assert.equal(c.status.state, 'error');
  const err = state.messages.find((m) => m.level === 'error');
  assert.ok(err);
  assert.match(err!.text, /needs Java 17 or newer/);
  assert.deepEqual(err!.items, ['Open Settings', 'Get Java']);
  c.dispose();
});

test('a Java too old is refused with its version', async () => {
  const { ctx } = context();
  const { d, clients } = deps({ java: 'openjdk version "11.0.20" 2023-07-18' });
  const c = await activate(ctx, d);
  assert.equal(clients.length, 0);
  assert.match(state.messages[0].text, /Java 11 is too old/);
  c.dispose();
});

test('missing server jar is reported, not a crash', async () => {
  const { ctx } = context({ jar: false });
  const { d, clients } = deps();
  const c = await activate(ctx, d);
  assert.equal(clients.length, 0);
  assert.match(state.messages[0].text, /server is missing/);
  c.dispose();
});

test('Set API Key stores the key in SecretStorage (not settings) and restarts the server with it', async () => {
  const { ctx, secrets } = context();
  const { d, clients } = deps();
  const c = await activate(ctx, d);
  state.inputBoxAnswer = '  sk-new  ';
  await state.commands.get(COMMANDS.setApiKey)!();
  assert.equal(secrets.get(SECRET_API_KEY), 'sk-new');
  assert.equal(clients.length, 2, 'restarted');
  assert.ok(clients[0].stopped);
  assert.equal(clients[1].options.initializationOptions.agentApiKey, 'sk-new');
  assert.equal(Object.keys(state.config).length, 0, 'nothing written to settings');
  await state.commands.get(COMMANDS.clearApiKey)!();
  assert.equal(secrets.has(SECRET_API_KEY), false);
  assert.equal(clients[2].options.initializationOptions.agentApiKey, undefined);
  c.dispose();
});

test('review: asks the server, shows reviewing meanwhile; a server without the command gets a clear message', async () => {
  const { ctx } = context();
  state.activeEditor = { document: { uri: { scheme: 'file', toString: () => 'file:///w/Dockerfile' }, isDirty: false } };
  {
    const { d, clients } = deps({ commands: ['archlens.fixAll'] });
    const c = await activate(ctx, d);
    await state.commands.get(COMMANDS.review)!();
    assert.equal(clients[0].requests.length, 0);
    assert.match(state.messages.at(-1)!.text, /does not offer reviews by the architecture agent yet/);
    c.dispose();
  }
  state.reset();
  state.activeEditor = { document: { uri: { scheme: 'file', toString: () => 'file:///w/Dockerfile' }, isDirty: false } };
  let seenDuring = '';
  let c2: any;
  const { d, clients } = deps({
    commands: ['archlens.fixAll', 'archlens.reviewFile'],
    answer: () => {
      seenDuring = c2.status.state;
      return { status: 'done', findings: 2, message: null };
    },
  });
  c2 = await activate(ctx, d);
  await state.commands.get(COMMANDS.review)!();
  assert.deepEqual(clients[0].requests[0], {
    method: 'workspace/executeCommand',
    params: { command: 'archlens.reviewFile', arguments: ['file:///w/Dockerfile'] },
  });
  assert.equal(seenDuring, 'reviewing');
  assert.equal(c2.status.state, 'idle');
  assert.equal(state.messages.at(-1)!.text, 'ArchLens agent: 2 findings');
  c2.dispose();
});

test('a failed review shows its reason in the status bar and as an error', async () => {
  const { ctx } = context();
  state.activeEditor = { document: { uri: { scheme: 'file', toString: () => 'file:///w/compose.yaml' }, isDirty: false } };
  const { d } = deps({
    commands: ['archlens.reviewFile'],
    answer: () => ({ status: 'failed', findings: 0, message: '401 from the provider: invalid API key' }),
  });
  const c = await activate(ctx, d);
  await state.commands.get(COMMANDS.review)!();
  assert.equal(c.status.state, 'error');
  assert.match(c.status.message!, /invalid API key/);
  assert.match(state.messages.at(-1)!.text, /agent review failed: 401/);
  assert.equal(state.messages.at(-1)!.level, 'error');
  c.dispose();
});

test('describeReview covers every status the server answers', () => {
  assert.deepEqual(describeReview({ status: 'done', findings: 1, message: null }), { level: 'info', text: 'ArchLens agent: 1 finding' });
  assert.equal(describeReview({ status: 'skipped', findings: 0, message: 'the architecture agent is off' }).level, 'warning');
  assert.match(describeReview({ status: 'skipped', message: 'the architecture agent is off' }).text, /agent is off/);
  assert.equal(describeReview({ status: 'failed', message: 'timeout' }).level, 'error');
  assert.equal(describeReview('plain').text, 'plain');
});

test('fix all sends archlens.fixAll with the document and says when there was nothing to fix', async () => {
  const { ctx } = context();
  state.activeEditor = { document: { uri: { scheme: 'file', toString: () => 'file:///w/compose.yaml' } } };
  const { d, clients } = deps({ answer: () => false });
  const c = await activate(ctx, d);
  await state.commands.get(COMMANDS.fixAll)!();
  assert.deepEqual(clients[0].requests[0].params, { command: 'archlens.fixAll', arguments: ['file:///w/compose.yaml'] });
  assert.match(state.messages.at(-1)!.text, /no safe fixes/);
  c.dispose();
});

test('archlens/status notifications reach the status bar; an unexpected stop is an error', async () => {
  const { ctx } = context();
  const { d, clients } = deps();
  const c = await activate(ctx, d);
  clients[0].notify('archlens/status', { state: 'error', message: '.archlens.yml: bad indentation' });
  assert.equal(c.status.state, 'error');
  assert.equal(c.status.message, '.archlens.yml: bad indentation');
  clients[0].notify('archlens/status', { state: 'idle' });
  assert.equal(c.status.state, 'idle');
  // the server dies on its own
  await (clients[0] as any).stop.call(clients[0]);
  assert.equal(c.status.state, 'error');
  // a deliberate restart is not an error
  await c.restart();
  assert.equal(c.status.state, 'idle');
  c.dispose();
});

test('changing java.home or agent.enabled restarts the server (Java and selectors are fixed at start)', async () => {
  const { ctx } = context();
  const { d, clients } = deps();
  const c = await activate(ctx, d);
  state.config['archlens.agent.enabled'] = { value: true, default: false };
  for (const l of state.configListeners) {
    l({ affectsConfiguration: (s: string) => s === 'archlens.agent.enabled' });
  }
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(clients.length, 2);
  assert.ok(clients[1].options.documentSelector.some((f: any) => f.pattern.includes('java')), 'source files once the agent is on');
  c.dispose();
});

test('Show Service Graph opens a webview and posts the drawing the server answers (the report\'s renderer)', async () => {
  const { ctx } = context();
  const drawing = '<div class="archlens-graph"><svg><g class="node" data-name="api"></g></svg></div>';
  const { d, clients } = deps({
    commands: ['archlens.showGraph'],
    answer: () => ({ svg: drawing, mermaid: 'flowchart LR\n  api --> db' }),
  });
  const c = await activate(ctx, d);
  await state.commands.get(COMMANDS.graph)!();
  assert.equal(state.panels.length, 1);
  const panel = state.panels[0];
  assert.equal(panel.options.enableScripts, true);
  assert.doesNotMatch(panel.webview.html, /mermaid\.min\.js/, 'the extension draws nothing itself');
  assert.match(panel.webview.html, /graph\.js/);
  assert.doesNotMatch(panel.webview.html, /https?:\/\//);
  panel.receive({ type: 'ready' });
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(clients[0].requests.at(-1), {
    method: 'workspace/executeCommand',
    params: { command: 'archlens.showGraph', arguments: ['svg'] },
  });
  assert.deepEqual(panel.posted.at(-1),
    { type: 'graph', svg: drawing, mermaid: 'flowchart LR\n  api --> db', dark: true });
  c.dispose();
});

test('Show Service Graph on a server without the graph says so instead of opening an empty panel', async () => {
  const { ctx } = context();
  const { d } = deps({ commands: ['archlens.fixAll'] });
  const c = await activate(ctx, d);
  await state.commands.get(COMMANDS.graph)!();
  assert.equal(state.panels.length, 0);
  assert.match(state.messages.at(-1)!.text, /does not offer the service graph yet/);
  c.dispose();
});

test('one JIT compiler thread on machines of up to two cores, as the launcher', () => {
  assert.ok(baseJvmArgs(1).includes('-XX:CICompilerCount=1'));
  assert.ok(baseJvmArgs(2).includes('-XX:CICompilerCount=1'));
  assert.ok(!baseJvmArgs(4).includes('-XX:CICompilerCount=1'));
  assert.ok(baseJvmArgs(8).includes('-XX:SurvivorRatio=3'), 'the heap options stay');
  assert.ok(baseJvmArgs(8).includes('-XX:MaxHeapFreeRatio=40'), 'the heap does not keep what it grew once');
});
