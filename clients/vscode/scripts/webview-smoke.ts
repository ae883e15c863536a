// Shows the service-graph webview page in headless Chromium, offline, and checks that the server's drawing came
// out as an SVG. The page is the extension's own HTML, script and CSP (graphHtml, dist/media) with a stand-in for
// VS Code's acquireVsCodeApi that answers "ready" with a drawing: a small one written here, or the server's.
// Run after `npm run build`: node --require ./out/test/mock/register.js out/scripts/webview-smoke.js [screenshot.png]
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { graphHtml } from '../src/graph';

const root = path.resolve(__dirname, '..', '..');
const media = path.join(root, 'dist', 'media');
if (!fs.existsSync(path.join(media, 'graph.js'))) {
  console.error('webview-smoke: dist/media/graph.js missing; run npm run build first');
  process.exit(2);
}
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => {
  try {
    cp.execFileSync('which', [c], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!chromium) {
  console.error('webview-smoke: no chromium on PATH (Debian: apt-get install chromium)');
  process.exit(2);
}

// ARCHLENS_GRAPH_FILE: show this drawing instead (the output of `archlens graph --format svg <dir>`)
const graphFile = process.env.ARCHLENS_GRAPH_FILE;
const builtIn = `<div class="archlens-graph"><style>.archlens-graph rect { fill: #eef; stroke: #00f; }</style>
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">
<g class="node box" data-name="api" data-findings="1" data-worst="warning"><title>api &lt;Spring&gt;</title>
<rect x="10" y="10" width="200" height="46"/><text x="20" y="38">api (Spring Boot)</text></g></svg></div>`;
const sample = graphFile ? fs.readFileSync(graphFile, 'utf8') : builtIn;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-webview-'));
for (const f of fs.readdirSync(media)) {
  fs.copyFileSync(path.join(media, f), path.join(dir, f));
}
const nonce = 'smoke0123456789';
const stub = `<script nonce="${nonce}">
window.acquireVsCodeApi = () => ({
  postMessage(m) {
    if (m.type === 'ready') {
      window.postMessage({ type: 'graph', svg: ${JSON.stringify(sample)}, mermaid: 'flowchart LR', dark: false }, '*');
    }
  },
});
</script>`;
let html = graphHtml({
  cspSource: 'file:',
  nonce,
  scriptUri: 'graph.js',
  styleUri: 'graph.css',
});
html = html.replace('<script nonce', `${stub}\n<script nonce`);
const page = path.join(dir, 'graph.html');
fs.writeFileSync(page, html);

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
  '--virtual-time-budget=10000', '--window-size=1000,700'];
const dom = cp.execFileSync(chromium, [...args, '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 120000 });
const shot = process.argv[2];
if (shot) {
  cp.execFileSync(chromium, [...args, `--screenshot=${path.resolve(shot)}`, `file://${page}`], { timeout: 120000, stdio: 'ignore' });
}
fs.rmSync(dir, { recursive: true, force: true });

const ok = /id="graph"[^>]*data-rendered="true"/.test(dom) && /<svg/.test(dom) && /data-name="/.test(dom)
  && (graphFile !== undefined || /<svg[\s\S]*api \(Spring Boot\)/.test(dom));
if (!ok) {
  const graph = /<main id="graph"[\s\S]*?<\/main>/.exec(dom)?.[0] ?? dom.slice(0, 2000);
  console.error(`webview-smoke: FAIL, the graph was not rendered:\n${graph.slice(0, 2000)}`);
  process.exit(1);
}
console.log(`webview-smoke: ok, the server's drawing is shown offline in ${chromium}${shot ? ` (screenshot ${shot})` : ''}`);
