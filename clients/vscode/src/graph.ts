// The service graph: a webview that renders the server's Mermaid text with the mermaid library shipped inside
// the extension (dist/media/mermaid.min.js). Nothing is loaded from the network: the CSP allows scripts only
// from the extension's own media folder (with a nonce), and no connections at all.
import * as vscode from 'vscode';

export interface GraphHtmlParts {
  cspSource: string;
  nonce: string;
  mermaidUri: string;
  scriptUri: string;
  styleUri: string;
}

export function graphHtml(p: GraphHtmlParts): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${p.nonce}'`,
    // mermaid writes inline styles into the SVG it produces
    `style-src ${p.cspSource} 'unsafe-inline'`,
    `img-src ${p.cspSource} data:`,
    `font-src ${p.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${p.styleUri}">
<title>ArchLens service graph</title>
</head>
<body>
<header>
  <h1>Service graph</h1>
  <button id="refresh" type="button">Refresh</button>
  <button id="copy" type="button">Copy Mermaid</button>
  <span id="note"></span>
</header>
<main id="graph" aria-live="polite">Loading…</main>
<details><summary>Mermaid source</summary><pre id="source"></pre></details>
<script nonce="${p.nonce}" src="${p.mermaidUri}"></script>
<script nonce="${p.nonce}" src="${p.scriptUri}"></script>
</body>
</html>`;
}

export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) {
    s += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return s;
}

/** One panel, reused; `load` fetches the Mermaid text (from the server) on open and on Refresh. */
export class GraphPanel {
  private static current: GraphPanel | undefined;
  private readonly panel: vscode.WebviewPanel;

  private constructor(extensionUri: vscode.Uri, private load: () => Promise<string>) {
    const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
    this.panel = vscode.window.createWebviewPanel('archlens.graph', 'ArchLens: Service Graph', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    const w = this.panel.webview;
    w.html = graphHtml({
      cspSource: w.cspSource,
      nonce: nonce(),
      mermaidUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'mermaid.min.js')).toString(),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'graph.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'graph.css')).toString(),
    });
    w.onDidReceiveMessage((m: { type?: string; text?: string }) => {
      if (m.type === 'ready' || m.type === 'refresh') {
        void this.refresh();
      } else if (m.type === 'copy' && typeof m.text === 'string') {
        void vscode.env.clipboard.writeText(m.text);
      }
    });
    this.panel.onDidDispose(() => {
      GraphPanel.current = undefined;
    });
  }

  static show(extensionUri: vscode.Uri, load: () => Promise<string>): GraphPanel {
    if (GraphPanel.current) {
      GraphPanel.current.load = load;
      GraphPanel.current.panel.reveal();
      void GraphPanel.current.refresh();
      return GraphPanel.current;
    }
    GraphPanel.current = new GraphPanel(extensionUri, load);
    return GraphPanel.current;
  }

  async refresh(): Promise<void> {
    const dark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark
      || vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.HighContrast;
    try {
      const text = await this.load();
      await this.panel.webview.postMessage({ type: 'graph', text, dark });
    } catch (e) {
      await this.panel.webview.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }
}
