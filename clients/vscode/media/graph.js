// Webview side of the service graph: renders Mermaid text posted by the extension with the bundled mermaid.
/* global mermaid, acquireVsCodeApi */
(function () {
  const vscode = acquireVsCodeApi();
  const graph = document.getElementById('graph');
  const source = document.getElementById('source');
  const note = document.getElementById('note');
  let current = '';
  let n = 0;

  document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy', text: current }));

  async function draw(text, dark) {
    current = text;
    source.textContent = text;
    if (!text || !text.trim()) {
      graph.textContent = 'No services found: open a folder with a compose file or Kubernetes manifests.';
      return;
    }
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
    try {
      const out = await mermaid.render('archlens-graph-' + n++, text);
      graph.innerHTML = out.svg;
      graph.dataset.rendered = 'true';
      note.textContent = '';
    } catch (e) {
      graph.textContent = 'The graph could not be drawn: ' + (e && e.message ? e.message : e);
      graph.dataset.rendered = 'false';
    }
  }

  window.addEventListener('message', (event) => {
    const m = event.data || {};
    if (m.type === 'graph') {
      draw(m.text, m.dark);
    } else if (m.type === 'error') {
      graph.textContent = m.message;
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
