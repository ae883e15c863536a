// A small stand-in for the `vscode` module: enough API for the extension's code paths, with recorders the
// tests read (messages shown, commands registered, status-bar text). Unknown members resolve to a dummy
// class, so vscode-languageclient's `class X extends vscode.Y` definitions load.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Listener<T> = (e: T) => unknown;

export class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  static from(...ds: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => ds.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>): Disposable => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(e: T): void {
    this.listeners.forEach((l) => l(e));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class ThemeColor {
  constructor(public readonly id: string) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}
export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
}
export enum ColorThemeKind {
  Light = 1,
  Dark = 2,
  HighContrast = 3,
}

export class Uri {
  constructor(public readonly scheme: string, public readonly path: string) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(s: string): Uri {
    const i = s.indexOf(':');
    return new Uri(s.substring(0, i), s.substring(i + 1).replace(/^\/\//, ''));
  }
  static joinPath(base: Uri, ...segs: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...segs].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export const state = {
  messages: [] as { level: 'info' | 'warning' | 'error'; text: string; items: string[] }[],
  commands: new Map<string, (...args: any[]) => any>(),
  executed: [] as { command: string; args: any[] }[],
  statusItems: [] as any[],
  panels: [] as any[],
  output: [] as string[],
  config: {} as Record<string, { value?: any; default?: any }>,
  trusted: true,
  activeEditor: undefined as any,
  inputBoxAnswer: undefined as string | undefined,
  configListeners: [] as Listener<{ affectsConfiguration(s: string): boolean }>[],
  reset(): void {
    this.messages = [];
    this.commands.clear();
    this.executed = [];
    this.statusItems = [];
    this.panels = [];
    this.output = [];
    this.config = {};
    this.trusted = true;
    this.activeEditor = undefined;
    this.inputBoxAnswer = undefined;
    this.configListeners = [];
  },
};

function message(level: 'info' | 'warning' | 'error') {
  return (text: string, ...items: any[]) => {
    state.messages.push({ level, text, items: items.filter((i) => typeof i === 'string') });
    return Promise.resolve(undefined);
  };
}

export const window = {
  createStatusBarItem: (..._args: any[]) => {
    const item: any = { text: '', tooltip: '', show() {}, hide() {}, dispose() {} };
    state.statusItems.push(item);
    return item;
  },
  createOutputChannel: (name: string) => ({
    name,
    appendLine: (s: string) => state.output.push(s),
    append: (s: string) => state.output.push(s),
    show() {},
    hide() {},
    clear() {},
    replace() {},
    dispose() {},
  }),
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  showInputBox: () => Promise.resolve(state.inputBoxAnswer),
  showTextDocument: () => Promise.resolve(undefined),
  get activeTextEditor() {
    return state.activeEditor;
  },
  activeColorTheme: { kind: ColorThemeKind.Dark },
  createWebviewPanel: (viewType: string, title: string, _column: unknown, options: any) => {
    const listeners: ((m: unknown) => void)[] = [];
    const panel: any = {
      viewType,
      title,
      options,
      posted: [] as unknown[],
      revealed: 0,
      webview: {
        cspSource: 'vscode-webview://mock',
        html: '',
        asWebviewUri: (u: Uri) => u,
        onDidReceiveMessage: (l: (m: unknown) => void) => {
          listeners.push(l);
          return new Disposable();
        },
        postMessage: (m: unknown) => {
          panel.posted.push(m);
          return Promise.resolve(true);
        },
      },
      /** what the page script would send (ready, refresh, copy) */
      receive: (m: unknown) => listeners.forEach((l) => l(m)),
      reveal() {
        panel.revealed++;
      },
      onDidDispose: () => new Disposable(),
    };
    state.panels.push(panel);
    return panel;
  },
};

export const workspace = {
  getConfiguration: (section?: string) => {
    const full = (k: string) => (section ? `${section}.${k}` : k);
    return {
      get: (k: string, d?: any) => {
        const e = state.config[full(k)];
        return e?.value !== undefined ? e.value : e?.default !== undefined ? e.default : d;
      },
      inspect: (k: string) => {
        const e = state.config[full(k)];
        return e ? { key: full(k), defaultValue: e.default, globalValue: e.value } : undefined;
      },
      has: (k: string) => full(k) in state.config,
      update: () => Promise.resolve(),
    };
  },
  get isTrusted() {
    return state.trusted;
  },
  createFileSystemWatcher: () => ({
    onDidCreate: () => new Disposable(),
    onDidChange: () => new Disposable(),
    onDidDelete: () => new Disposable(),
    dispose() {},
  }),
  onDidChangeConfiguration: (l: Listener<{ affectsConfiguration(s: string): boolean }>) => {
    state.configListeners.push(l);
    return new Disposable();
  },
  onDidGrantWorkspaceTrust: () => new Disposable(),
  openTextDocument: (o: any) => Promise.resolve(o),
  workspaceFolders: undefined,
};

export const commands = {
  registerCommand: (id: string, fn: (...args: any[]) => any) => {
    if (state.commands.has(id)) {
      throw new Error(`command '${id}' already exists`);
    }
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
  executeCommand: (command: string, ...args: any[]) => {
    state.executed.push({ command, args });
    const fn = state.commands.get(command);
    return Promise.resolve(fn ? fn(...args) : undefined);
  },
};

export const env = {
  clipboard: { writeText: () => Promise.resolve() },
  openExternal: () => Promise.resolve(true),
};

class Dummy {}
const explicit: Record<string, unknown> = {
  Disposable, EventEmitter, ThemeColor, StatusBarAlignment, ViewColumn, ColorThemeKind, Uri, window, workspace,
  commands, env, state, version: '1.82.0',
};
module.exports = new Proxy(explicit, {
  get(target, prop: string) {
    if (prop in target) {
      return target[prop];
    }
    if (prop === '__esModule' || prop === 'then' || typeof prop === 'symbol') {
      return undefined;
    }
    return Dummy;
  },
});
