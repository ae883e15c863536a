package io.archlens.model;

/**
 * The graph's style, carried inside the fragment {@link GraphSvg} writes so the report and the editor's view draw the
 * same picture. Colours are {@code --al-*} custom properties with light defaults; the editor's view maps them to its
 * theme.
 */
final class GraphStyle {
    static final String CSS = """
            .archlens-graph { --al-bg: #fff; --al-fg: #1f2328; --al-muted: #59636e; --al-line: #d0d7de;
              --al-edge: #57606a; --al-store: #eef6ee; --al-svc: #eef3fb; --al-ingress: #fdf3e7;
              --al-error: #cf222e; --al-warning: #bc4c00; --al-info: #0969da; --al-hint: #6e7781; }
            .archlens-graph > svg { display: block; background: var(--al-bg); border: 1px solid var(--al-line);
              border-radius: 6px; max-width: none; }
            .archlens-graph svg text { font: 12px system-ui, sans-serif; fill: var(--al-fg); }
            .archlens-graph svg .title { font-weight: 600; font-size: 13px; }
            .archlens-graph svg .name { font-weight: 600; }
            .archlens-graph svg .elabel { fill: var(--al-muted); font-size: 11px; text-anchor: middle;
              paint-order: stroke; stroke: var(--al-bg); stroke-width: 3px; }
            .archlens-graph svg rect { fill: var(--al-bg); stroke-width: 1.5; }
            .archlens-graph svg .store rect { fill: var(--al-store); }
            .archlens-graph svg .svc rect { fill: var(--al-svc); }
            .archlens-graph svg .ingress rect { fill: var(--al-ingress); }
            .archlens-graph svg marker path { fill: var(--al-edge); }
            .archlens-graph .edge { fill: none; stroke: var(--al-edge); stroke-width: 1.3; }
            .archlens-graph .edge.dashed { stroke-dasharray: 5 4; }
            .archlens-graph .g0 rect { stroke: #0969da; } .archlens-graph .g1 rect { stroke: #8250df; }
            .archlens-graph .g2 rect { stroke: #1a7f37; } .archlens-graph .g3 rect { stroke: #bf3989; }
            .archlens-graph .g4 rect { stroke: #9a6700; } .archlens-graph .g5 rect { stroke: #57606a; }
            .archlens-graph .worst-error rect { stroke: var(--al-error); stroke-width: 3; }
            .archlens-graph .worst-warning rect { stroke: var(--al-warning); stroke-width: 3; }
            .archlens-graph .worst-info rect { stroke: var(--al-info); stroke-width: 2.5; }
            .archlens-graph .worst-hint rect { stroke: var(--al-hint); stroke-width: 2; stroke-dasharray: 4 2; }
            .archlens-graph svg circle.badge { stroke: var(--al-bg); stroke-width: 2; }
            .archlens-graph .worst-error circle.badge { fill: var(--al-error); }
            .archlens-graph .worst-warning circle.badge { fill: var(--al-warning); }
            .archlens-graph .worst-info circle.badge { fill: var(--al-info); }
            .archlens-graph .worst-hint circle.badge { fill: var(--al-hint); }
            .archlens-graph svg text.badge { fill: #fff; font-size: 11px; font-weight: 700; text-anchor: middle; }
            .archlens-graph .node { cursor: default; }
            .archlens-graph .legend { list-style: none; padding: 0; display: flex; gap: 16px; flex-wrap: wrap;
              color: var(--al-muted); font: 12px system-ui, sans-serif; }
            .archlens-graph .legend li::before { content: ""; display: inline-block; width: 12px; height: 12px;
              border: 2px solid var(--al-edge); margin-right: 6px; vertical-align: -2px; }
            .archlens-graph .legend .g0::before { border-color: #0969da; }
            .archlens-graph .legend .g1::before { border-color: #8250df; }
            .archlens-graph .legend .g2::before { border-color: #1a7f37; }
            .archlens-graph .legend .g3::before { border-color: #bf3989; }
            .archlens-graph .legend .g4::before { border-color: #9a6700; }
            .archlens-graph .legend .g5::before { border-color: #57606a; }
            .archlens-graph .legend .store::before { background: var(--al-store); }
            .archlens-graph .legend .svc::before { background: var(--al-svc); border-radius: 6px; }
            .archlens-graph .legend .dashed::before { border-style: dashed; height: 0; width: 20px;
              border-width: 1px 0 0; }
            .archlens-graph .legend .badge::before { background: var(--al-error); border-color: var(--al-error);
              border-radius: 50%; }
            """;

    private GraphStyle() {
    }
}
