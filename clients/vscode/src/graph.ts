// The service graph: a webview that shows the drawing the server makes (`archlens.showGraph svg`: the same SVG
// renderer as `archlens report`, findings marked on the services they concern). The extension draws nothing
// itself; nothing is loaded from the network: the CSP allows only the extension's own script (with a nonce), the
// drawing's inline style, and no connections at all.
import * as vscode from 'vscode';

export interface GraphHtmlParts {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function graphHtml(p: GraphHtmlParts): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${p.nonce}'`,
    // the server's drawing carries its own <style>
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

/** What the server answers: its drawing (an HTML fragment holding the SVG) and the Mermaid text. */
export interface GraphPayload {
  svg: string;
  mermaid: string;
}

/** One panel, reused; `load` fetches the drawing (from the server) on open and on Refresh. */
export class GraphPanel {
  private static current: GraphPanel | undefined;
  private readonly panel: vscode.WebviewPanel;

  private constructor(extensionUri: vscode.Uri, private load: () => Promise<GraphPayload>) {
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

  static show(extensionUri: vscode.Uri, load: () => Promise<GraphPayload>): GraphPanel {
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
      const g = await this.load();
      await this.panel.webview.postMessage({ type: 'graph', svg: g.svg, mermaid: g.mermaid, dark });
    } catch (e) {
      await this.panel.webview.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }
}
