// The status-bar item: server and agent state (starting, idle, busy, reviewing, error with the reason).
// Fed by the client's lifecycle, the server's `archlens/status` notification and the review command.
import * as vscode from 'vscode';

export type State = 'starting' | 'idle' | 'busy' | 'reviewing' | 'error' | 'stopped';

/** Params of the server's `archlens/status` notification (see io.archlens.lsp.ClientStatus). */
export interface ServerStatus {
  state: 'idle' | 'busy' | 'reviewing' | 'error';
  message?: string;
  uri?: string;
}

export const STATUS_NOTIFICATION = 'archlens/status';

export interface View {
  text: string;
  tooltip: string;
  error: boolean;
}

function fileName(uri?: string): string | undefined {
  if (!uri) {
    return undefined;
  }
  const i = uri.lastIndexOf('/');
  return decodeURIComponent(i >= 0 ? uri.substring(i + 1) : uri);
}

/** What the item shows for a state (pure, unit-tested). */
export function render(state: State, message?: string, uri?: string): View {
  const file = fileName(uri);
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) ArchLens', tooltip: 'ArchLens: starting the server…', error: false };
    case 'idle':
      return { text: '$(check) ArchLens', tooltip: 'ArchLens: ready' + (message ? ` — ${message}` : ''), error: false };
    case 'busy':
      return { text: '$(sync~spin) ArchLens', tooltip: 'ArchLens: ' + (message ?? 'working…'), error: false };
    case 'reviewing':
      return {
        text: '$(loading~spin) ArchLens: reviewing' + (file ? ` ${file}` : ''),
        tooltip: 'ArchLens agent: ' + (message ?? `reviewing ${file ?? 'the file'}`),
        error: false,
      };
    case 'error':
      return {
        text: '$(error) ArchLens',
        tooltip: 'ArchLens error: ' + (message ?? 'unknown error') + '\nClick to show the output.',
        error: true,
      };
    case 'stopped':
      return { text: '$(circle-slash) ArchLens', tooltip: 'ArchLens: server stopped' + (message ? ` — ${message}` : ''), error: false };
  }
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  state: State = 'stopped';
  message?: string;
  /** Reviews started by the command, so a server "idle" does not hide one still running. */
  private pendingReviews = 0;

  constructor(showOutputCommand: string) {
    this.item = vscode.window.createStatusBarItem('archlens.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'ArchLens';
    this.item.command = showOutputCommand;
    this.set('stopped');
    this.item.show();
  }

  set(state: State, message?: string, uri?: string): void {
    if (state === 'idle' && this.pendingReviews > 0) {
      state = 'reviewing';
    }
    this.state = state;
    this.message = message;
    const v = render(state, message, uri);
    this.item.text = v.text;
    this.item.tooltip = v.tooltip;
    this.item.backgroundColor = v.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  fromServer(s: ServerStatus): void {
    const known = ['idle', 'busy', 'reviewing', 'error'];
    this.set(known.includes(s.state) ? s.state : 'idle', s.message, s.uri);
  }

  /** Runs a review, showing "reviewing" meanwhile and the reason if it fails. */
  async reviewing<T>(uri: string, run: () => Promise<T>): Promise<T> {
    this.pendingReviews++;
    this.set('reviewing', undefined, uri);
    try {
      const r = await run();
      this.pendingReviews--;
      this.set('idle');
      return r;
    } catch (e) {
      this.pendingReviews--;
      this.set('error', e instanceof Error ? e.message : String(e));
      throw e;
    }
  }

  get view(): { text: string; tooltip: string | vscode.MarkdownString | undefined } {
    return { text: this.item.text, tooltip: this.item.tooltip };
  }

  dispose(): void {
    this.item.dispose();
  }
}
