// Renders the service-graph webview page in headless Chromium, offline, with the mermaid bundled in dist/media,
// and checks that an SVG came out. The page is the extension's own HTML and CSP (graphHtml) with a stand-in
// for VS Code's acquireVsCodeApi that answers "ready" with a sample graph.
// Run after `npm run build`: node --require ./out/test/mock/register.js out/scripts/webview-smoke.js [screenshot.png]
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { graphHtml } from '../src/graph';

const root = path.resolve(__dirname, '..', '..');
const media = path.join(root, 'dist', 'media');
if (!fs.existsSync(path.join(media, 'mermaid.min.js'))) {
  console.error('webview-smoke: dist/media/mermaid.min.js missing; run npm run build first');
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

// ARCHLENS_GRAPH_FILE: render this Mermaid text instead (e.g. the output of `archlens graph <dir>`)
const graphFile = process.env.ARCHLENS_GRAPH_FILE;
const builtIn = `graph LR
  web["web (nginx)"] -->|http :8080| api["api (Spring Boot)"]
  api -->|jdbc :5432| db[("db (postgres)")]
  api -->|:6379| redis[("redis")]`;
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
      window.postMessage({ type: 'graph', text: ${JSON.stringify(sample)}, dark: false }, '*');
    }
  },
});
</script>`;
let html = graphHtml({
  cspSource: 'file:',
  nonce,
  mermaidUri: 'mermaid.min.js',
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

const ok = /id="graph"[^>]*data-rendered="true"/.test(dom) && /<svg/.test(dom)
  && (graphFile !== undefined || /<svg[\s\S]*api \(Spring Boot\)/.test(dom));
if (!ok) {
  const graph = /<main id="graph"[\s\S]*?<\/main>/.exec(dom)?.[0] ?? dom.slice(0, 2000);
  console.error(`webview-smoke: FAIL, the graph was not rendered:\n${graph.slice(0, 2000)}`);
  process.exit(1);
}
console.log(`webview-smoke: ok, mermaid rendered the graph offline in ${chromium}${shot ? ` (screenshot ${shot})` : ''}`);
