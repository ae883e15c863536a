// Webview side of the service graph: shows the drawing the server made (the renderer of `archlens report`).
// The drawing is the server's HTML fragment (an SVG with its own style; every text from the files escaped); the
// page's CSP runs no script but this one, so nothing in it can run.
/* global acquireVsCodeApi */
(function () {
  const vscode = acquireVsCodeApi();
  const graph = document.getElementById('graph');
  const source = document.getElementById('source');
  const note = document.getElementById('note');
  let current = '';

  document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy', text: current }));

  function draw(svg, mermaid, dark) {
    current = mermaid || '';
    source.textContent = current;
    document.body.classList.toggle('dark', !!dark);
    if (!svg || !svg.trim()) {
      graph.textContent = current.trim() && !/^flowchart LR\s*$/.test(current.trim())
        ? 'This server sends no drawing; update ArchLens. The Mermaid text is below.'
        : 'No services found: open a folder with a compose file or Kubernetes manifests.';
      graph.dataset.rendered = 'false';
      return;
    }
    const doc = new DOMParser().parseFromString(svg, 'text/html');
    graph.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
    const marked = graph.querySelectorAll('.node[data-worst]').length;
    graph.dataset.rendered = graph.querySelector('svg') ? 'true' : 'false';
    note.textContent = marked ? marked + (marked === 1 ? ' service has' : ' services have') + ' findings (hover for the list)' : '';
  }

  window.addEventListener('message', (event) => {
    const m = event.data || {};
    if (m.type === 'graph') {
      draw(m.svg, m.mermaid, m.dark);
    } else if (m.type === 'error') {
      graph.textContent = m.message;
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
