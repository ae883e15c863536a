// The ArchLens VS Code extension: starts the server jar it carries with the user's Java 17+, and adds the
// agent review, fix-all, service graph, API key, restart and output commands plus a status-bar item.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State as ClientState,
} from 'vscode-languageclient/node';
import { findJava, JavaProbe, nodeProbe } from './java';
import { documentSelector, WATCHED_FILES } from './selectors';
import { initializationOptions, Json, serverKeys, toServerSettings } from './settings';
import { ServerStatus, STATUS_NOTIFICATION, StatusBar } from './status';
import { GraphPanel, GraphPayload } from './graph';

/** Commands the extension contributes (ids differ from the server's: vscode-languageclient registers those). */
export const COMMANDS = {
  review: 'archlens.review',
  fixAll: 'archlens.fixAllInFile',
  graph: 'archlens.graph',
  restart: 'archlens.restart',
  showOutput: 'archlens.showOutput',
  setApiKey: 'archlens.setApiKey',
  clearApiKey: 'archlens.clearApiKey',
  previewPayload: 'archlens.previewPayload',
} as const;

/** workspace/executeCommand names the server offers (or will, as its features land). */
export const SERVER_COMMANDS = {
  fixAll: 'archlens.fixAll',
  review: 'archlens.reviewFile',
  previewPayload: 'archlens.previewAgentPayload',
  showGraph: 'archlens.showGraph',
} as const;

export const SECRET_API_KEY = 'archlens.agent.apiKey';
/**
 * stdout is the protocol: JVM log messages (unified logging prints warnings to stdout by default) go to stderr.
 * Memory: C1 only and a sized heap with tighter free ratios, as the launcher does (docs/performance.md: 206 -> 96
 * MB peak RSS after 100 documents, with typing latency kept).
 */
export function baseJvmArgs(cores: number): string[] {
  const args = ['-XX:+UseSerialGC', '-Xss4m', '-XX:TieredStopAtLevel=1', '-Xms32m', '-Xmn16m', '-XX:SurvivorRatio=3',
    '-XX:MinHeapFreeRatio=20', '-XX:MaxHeapFreeRatio=40', '-Xlog:disable', '-Xlog:all=warning:stderr'];
  if (cores <= 2) {
    // one JIT compiler thread, as the launcher does on small machines: the start-up's other core stays with the
    // rule book's loading (docs/performance.md: initialize 213 -> 188 ms median, typing latency unchanged)
    args.push('-XX:CICompilerCount=1');
  }
  return args;
}

export const JVM_ARGS = baseJvmArgs(os.cpus().length);

/**
 * The server's JVM options for a Java version. From Java 19 the JVM keeps a class-data archive of the server
 * by itself (-XX:+AutoCreateSharedArchive, rewritten when the jar changes), which shortens every later start;
 * it lives in the extension's global storage. Java 17/18: see {@link archivePlan}.
 */
export function serverJvmArgs(javaVersion: number, storageDir: string | undefined): string[] {
  const args = [...JVM_ARGS];
  if (javaVersion >= 23) {
    // the tree-sitter copy reads parse trees through sun.misc.Unsafe; Java 24+ warns on stderr unless allowed
    args.push('--sun-misc-unsafe-memory-access=allow');
  }
  if (storageDir !== undefined && javaVersion >= 19) {
    args.push(
      '-Xlog:cds*=off:stderr',
      '-XX:+AutoCreateSharedArchive',
      `-XX:SharedArchiveFile=${path.join(storageDir, `archlens-java${javaVersion}.jsa`)}`,
    );
  }
  return args;
}

/** A one-off JVM run that writes the class-data archive to `tmp`; renamed to `target` when it is complete. */
export interface ArchiveTraining {
  args: string[];
  env: Record<string, string>;
  tmp: string;
  target: string;
}

/**
 * The server's JVM options, and on Java 17/18 (no AutoCreateSharedArchive) the run that makes the archive:
 * an archive in the global storage that is newer than the jar is used; otherwise the server starts without
 * one and, once it runs, a short in-process editor session on a scratch workspace (the jar's `--warm-up-server`:
 * every kind opened and published, as bin/archlens trains the server's archive; no command's report writers, 4 MB
 * less resident) writes it for the next start. `mtime` gives a file's modification time in
 * ms, or undefined when it does not exist.
 */
export function archivePlan(
  javaVersion: number,
  storageDir: string | undefined,
  jar: string,
  mtime: (file: string) => number | undefined,
): { args: string[]; train?: ArchiveTraining } {
  if (storageDir === undefined || javaVersion >= 19) {
    return { args: serverJvmArgs(javaVersion, storageDir) };
  }
  const target = path.join(storageDir, `archlens-java${javaVersion}.jsa`);
  const archived = mtime(target);
  const built = mtime(jar);
  if (archived !== undefined && built !== undefined && archived >= built) {
    return { args: [...JVM_ARGS, '-Xlog:cds*=off:stderr', `-XX:SharedArchiveFile=${target}`, '-Xshare:auto'] };
  }
  const tmp = `${target}.${process.pid}.tmp`;
  return {
    args: [...JVM_ARGS],
    train: {
      args: [...JVM_ARGS, '-Xlog:cds*=off:stderr', `-XX:ArchiveClassesAtExit=${tmp}`,
        '-jar', jar, '--warm-up-server'],
      env: {},
      tmp,
      target,
    },
  };
}

/** The part of LanguageClient the controller uses (a fake in unit tests). */
export interface ClientLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  sendRequest(method: string, params: unknown): Promise<unknown>;
  onNotification(method: string, handler: (params: unknown) => void): vscode.Disposable;
  onDidChangeState(listener: (e: { oldState: number; newState: number }) => void): vscode.Disposable;
  readonly initializeResult?: { capabilities: { executeCommandProvider?: { commands: string[] } } };
}

export type ClientFactory = (server: ServerOptions, options: LanguageClientOptions) => ClientLike;

export interface Deps {
  probe: JavaProbe;
  createClient: ClientFactory;
  env: Record<string, string | undefined>;
  platform: string;
  /** Runs a process to its end with no input and output; resolves with its exit code (-1 if it could not run). */
  run: (command: string, args: string[], env: Record<string, string | undefined>) => Promise<number>;
}

function runProcess(command: string, args: string[], env: Record<string, string | undefined>): Promise<number> {
  return new Promise((resolve) => {
    try {
      const p = cp.spawn(command, args, { env, stdio: 'ignore', windowsHide: true });
      p.on('error', () => resolve(-1));
      p.on('exit', (code) => resolve(code ?? -1));
    } catch {
      resolve(-1);
    }
  });
}

const defaultDeps = (): Deps => ({
  probe: nodeProbe(),
  createClient: (server, options) =>
    new LanguageClient('archlens', 'ArchLens', server, options) as unknown as ClientLike,
  env: process.env,
  platform: process.platform,
  run: runProcess,
});

export class Controller implements vscode.Disposable {
  client: ClientLike | undefined;
  readonly output: vscode.OutputChannel;
  readonly status: StatusBar;
  private readonly disposables: vscode.Disposable[] = [];
  private clientDisposables: vscode.Disposable[] = [];
  private stopping = false;
  private keys: string[];

  constructor(private readonly context: vscode.ExtensionContext, private readonly deps: Deps) {
    this.output = vscode.window.createOutputChannel('ArchLens');
    this.status = new StatusBar(COMMANDS.showOutput);
    const contributed = (context.extension?.packageJSON?.contributes?.configuration?.properties ?? {}) as Record<string, unknown>;
    this.keys = serverKeys(contributed);
  }

  /** The server settings from VS Code (explicit values only). */
  serverSettings(): { [k: string]: Json } {
    return toServerSettings(vscode.workspace.getConfiguration('archlens'), this.keys);
  }

  async start(): Promise<boolean> {
    this.status.set('starting');
    const cfg = vscode.workspace.getConfiguration('archlens');
    const java = await findJava(
      {
        configuredHome: cfg.get<string>('java.home'),
        embeddedHome: this.context.asAbsolutePath('runtime'),
        env: this.deps.env,
        platform: this.deps.platform,
      },
      this.deps.probe,
    );
    if (!java.ok) {
      this.output.appendLine(java.message);
      this.status.set('error', 'no Java 17+ found');
      void vscode.window.showErrorMessage(java.message, 'Open Settings', 'Get Java').then((pick) => {
        if (pick === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'archlens.java.home');
        } else if (pick === 'Get Java') {
          void vscode.env.openExternal(vscode.Uri.parse('https://adoptium.net/temurin/releases/?version=17'));
        }
      });
      return false;
    }
    const jar = this.context.asAbsolutePath('server/archlens.jar');
    if (!fs.existsSync(jar)) {
      const msg = `The ArchLens server is missing from the extension (${jar}). Reinstall the extension, or build the .vsix with "npm run package".`;
      this.output.appendLine(msg);
      this.status.set('error', 'server jar missing');
      void vscode.window.showErrorMessage(msg);
      return false;
    }
    this.output.appendLine(`Starting ArchLens with ${java.javaPath} (Java ${java.version}, from ${java.source})`);
    let storage: string | undefined = this.context.globalStorageUri?.fsPath;
    if (storage !== undefined) {
      try {
        fs.mkdirSync(storage, { recursive: true });
      } catch {
        storage = undefined; // no archive then: only start-up time is lost
      }
    }
    const plan = archivePlan(java.version, storage, jar, (f) => {
      try {
        return fs.statSync(f).mtimeMs;
      } catch {
        return undefined;
      }
    });
    const serverOptions: ServerOptions = {
      command: java.javaPath,
      args: [...plan.args, '-jar', jar, 'lsp'],
      options: { env: { ...process.env } },
    };
    const apiKey = await this.context.secrets.get(SECRET_API_KEY);
    const settings = this.serverSettings();
    const agentEnabled = (settings.agent as { enabled?: boolean } | undefined)?.enabled === true;
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector({ agentEnabled }),
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: initializationOptions(settings, { trusted: vscode.workspace.isTrusted, apiKey }),
      synchronize: {
        configurationSection: 'archlens',
        fileEvents: WATCHED_FILES.map((g) => vscode.workspace.createFileSystemWatcher(g)),
      },
      middleware: {
        workspace: {
          // the server asks for the `archlens` section: answer with the mapped settings, not VS Code's raw object
          configuration: (params, token, next) => {
            const items = params.items as { section?: string }[];
            if (items.every((i) => i.section === 'archlens')) {
              return items.map(() => this.serverSettings());
            }
            return next(params, token);
          },
        },
      },
      initializationFailedHandler: (error) => {
        this.status.set('error', `server failed to initialise: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
    };
    const client = this.deps.createClient(serverOptions, clientOptions);
    this.client = client;
    this.clientDisposables.push(
      client.onDidChangeState((e) => {
        if (e.newState === ClientState.Running) {
          this.status.set('idle');
        } else if (e.newState === ClientState.Starting) {
          this.status.set('starting');
        } else if (e.newState === ClientState.Stopped) {
          this.status.set(this.stopping ? 'stopped' : 'error', this.stopping ? undefined : 'the server stopped; see the output');
        }
      }),
    );
    this.clientDisposables.push(
      client.onNotification(STATUS_NOTIFICATION, (p) => this.status.fromServer(p as ServerStatus)),
    );
    try {
      await client.start();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      this.output.appendLine(`ArchLens server failed to start: ${msg}`);
      this.status.set('error', msg);
      return false;
    }
    if (plan.train !== undefined && !this.training) {
      this.training = this.train(java.javaPath, plan.train);
    }
    return true;
  }

  /** Writes the class-data archive for the next start (Java 17/18), in the background, once per session. */
  private training: Promise<void> | undefined;

  async train(java: string, t: ArchiveTraining): Promise<void> {
    const code = await this.deps.run(java, t.args, { ...this.deps.env, ...t.env });
    try {
      if (fs.existsSync(t.tmp) && fs.statSync(t.tmp).size > 0) {
        fs.renameSync(t.tmp, t.target);
        this.output.appendLine(`Wrote a class-data archive for faster server starts: ${t.target}`);
      } else {
        this.output.appendLine(`No class-data archive written (exit code ${code}); the server starts without one.`);
      }
    } catch (e) {
      this.output.appendLine(`class-data archive: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      try {
        fs.rmSync(t.tmp, { force: true });
      } catch {
        // nothing left to clean
      }
    }
  }

  /** The archive run of this session, if one was started (tests wait for it). */
  get archiveTraining(): Promise<void> | undefined {
    return this.training;
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.clientDisposables.forEach((d) => d.dispose());
    this.clientDisposables = [];
    if (c) {
      this.stopping = true;
      try {
        await c.stop();
      } catch (e) {
        this.output.appendLine(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        this.stopping = false;
      }
    }
    this.status.set('stopped');
  }

  async restart(): Promise<boolean> {
    await this.stop();
    return this.start();
  }

  hasServerCommand(name: string): boolean {
    return this.client?.initializeResult?.capabilities.executeCommandProvider?.commands.includes(name) ?? false;
  }

  /** workspace/executeCommand, with a clear message when the server lacks the command. */
  async serverCommand(name: string, args: unknown[], what: string): Promise<{ ok: boolean; result?: unknown }> {
    if (!this.client) {
      void vscode.window.showWarningMessage('The ArchLens server is not running. Run "ArchLens: Restart Server".');
      return { ok: false };
    }
    if (!this.hasServerCommand(name)) {
      void vscode.window.showWarningMessage(`This ArchLens server does not offer ${what} yet (no ${name} command).`);
      return { ok: false };
    }
    const result = await this.client.sendRequest(ExecuteCommandRequest.method, { command: name, arguments: args });
    return { ok: true, result };
  }

  register(): void {
    const activeUri = (): string | undefined => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.uri.scheme !== 'file') {
        void vscode.window.showWarningMessage('Open a file first.');
        return undefined;
      }
      return doc.uri.toString();
    };
    const reg = (id: string, fn: (...args: unknown[]) => unknown) =>
      this.disposables.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          await fn(...args);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          this.output.appendLine(`${id}: ${msg}`);
          void vscode.window.showErrorMessage(`ArchLens: ${msg}`);
        }
      }));

    reg(COMMANDS.review, async () => {
      const uri = activeUri();
      if (!uri) {
        return;
      }
      const doc = vscode.window.activeTextEditor?.document;
      if (doc?.isDirty) {
        await doc.save();
      }
      if (!this.hasServerCommand(SERVER_COMMANDS.review)) {
        await this.serverCommand(SERVER_COMMANDS.review, [uri], 'reviews by the architecture agent');
        return;
      }
      const r = await this.status.reviewing(uri, async () => {
        const res = await this.serverCommand(SERVER_COMMANDS.review, [uri], 'reviews by the architecture agent');
        const d = describeReview(res.result);
        if (d.level === 'error') {
          throw new Error(d.text); // the status bar shows the reason
        }
        return d;
      });
      if (r.level === 'warning') {
        void vscode.window.showWarningMessage(r.text);
      } else {
        void vscode.window.showInformationMessage(r.text);
      }
    });
    reg(COMMANDS.fixAll, async () => {
      const uri = activeUri();
      if (!uri) {
        return;
      }
      const r = await this.serverCommand(SERVER_COMMANDS.fixAll, [uri], 'fix-all');
      if (r.ok && r.result === false) {
        void vscode.window.showInformationMessage('ArchLens: no safe fixes to apply in this file.');
      }
    });
    reg(COMMANDS.graph, async () => {
      if (!this.hasServerCommand(SERVER_COMMANDS.showGraph)) {
        await this.serverCommand(SERVER_COMMANDS.showGraph, [], 'the service graph');
        return;
      }
      GraphPanel.show(this.context.extensionUri, async () => {
        const r = await this.serverCommand(SERVER_COMMANDS.showGraph, ['svg'], 'the service graph');
        return graphPayload(r.result);
      });
    });
    reg(COMMANDS.previewPayload, async () => {
      const uri = activeUri();
      if (!uri) {
        return;
      }
      const r = await this.serverCommand(SERVER_COMMANDS.previewPayload, [uri], 'a payload preview');
      if (r.ok) {
        const o = r.result as { text?: unknown } | null;
        const content = typeof r.result === 'string' ? r.result
          : o && typeof o.text === 'string' ? o.text : JSON.stringify(r.result, null, 2);
        const doc = await vscode.workspace.openTextDocument({ content, language: 'markdown' });
        await vscode.window.showTextDocument(doc, { preview: true });
      }
    });
    reg(COMMANDS.restart, async () => {
      await this.restart();
    });
    reg(COMMANDS.showOutput, () => this.output.show(true));
    reg(COMMANDS.setApiKey, async () => {
      const key = await vscode.window.showInputBox({
        title: 'ArchLens: API key for the architecture agent',
        prompt: 'Stored in VS Code secret storage and handed to the ArchLens server at start; never written to settings.',
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim().length === 0 ? 'Enter a key, or press Escape to cancel.' : undefined),
      });
      if (key === undefined) {
        return;
      }
      await this.context.secrets.store(SECRET_API_KEY, key.trim());
      void vscode.window.showInformationMessage('ArchLens: API key stored in secret storage. Restarting the server to use it.');
      await this.restart();
    });
    reg(COMMANDS.clearApiKey, async () => {
      await this.context.secrets.delete(SECRET_API_KEY);
      void vscode.window.showInformationMessage('ArchLens: API key removed from secret storage.');
      await this.restart();
    });

    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Java and the set of documents sent (agent on/off) are fixed when the server starts
        if (e.affectsConfiguration('archlens.java.home') || e.affectsConfiguration('archlens.agent.enabled')) {
          void this.restart();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()),
    );
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.status.dispose();
    this.output.dispose();
  }
}

/**
 * What to tell the user about `archlens.reviewFile`'s answer: `{status: done|skipped|failed|cancelled,
 * findings: n, message}` (or a plain string).
 */
export function describeReview(result: unknown): { level: 'info' | 'warning' | 'error'; text: string } {
  if (typeof result === 'string') {
    return { level: 'info', text: result };
  }
  const o = (result ?? {}) as { status?: string; findings?: number; message?: string };
  const msg = o.message ? `: ${o.message}` : '';
  switch (o.status) {
    case 'failed':
      return { level: 'error', text: `agent review failed${msg}` };
    case 'skipped':
    case 'cancelled':
      return { level: 'warning', text: `ArchLens: the agent did not review this file${msg}` };
    default: {
      const n = typeof o.findings === 'number' ? o.findings : 0;
      return { level: 'info', text: `ArchLens agent: ${n} finding${n === 1 ? '' : 's'}${msg}` };
    }
  }
}

/** The graph command's answer: the server's drawing and Mermaid text ({svg, mermaid}); an older server's text. */
export function graphPayload(result: unknown): GraphPayload {
  const o = result && typeof result === 'object' ? result as Record<string, unknown> : {};
  return { svg: typeof o.svg === 'string' ? o.svg : '', mermaid: mermaidText(result) };
}

/** The graph command may answer with the text or an object holding it. */
export function mermaidText(result: unknown): string {
  if (typeof result === 'string') {
    return result;
  }
  if (result && typeof result === 'object') {
    const o = result as Record<string, unknown>;
    for (const k of ['mermaid', 'text', 'graph']) {
      if (typeof o[k] === 'string') {
        return o[k] as string;
      }
    }
  }
  return '';
}

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext, deps: Deps = defaultDeps()): Promise<Controller> {
  controller = new Controller(context, deps);
  context.subscriptions.push(controller);
  controller.register();
  await controller.start();
  return controller;
}

export async function deactivate(): Promise<void> {
  if (controller) {
    await controller.stop();
    controller = undefined;
  }
}
