package io.archlens.model;

import io.archlens.analysis.Severity;
import io.archlens.model.GraphLayout.Block;
import io.archlens.model.GraphLayout.Box;
import io.archlens.model.GraphLayout.Curve;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service graph drawn as SVG, the one renderer of {@code archlens report} and the editor's graph view
 * ({@code archlens.showGraph svg}): an HTML fragment holding its own style (scoped to {@code .archlens-graph}, colours
 * overridable through {@code --al-*} custom properties), the picture and a legend. No script, no request; every
 * text from the files is escaped. A vertex some findings concern ({@link GraphMarks}) gets a badge with their count,
 * the colour of the worst severity and a tooltip listing them.
 */
public final class GraphSvg {
    /** A finding shown on a vertex: {@code where} is its file and line ("compose.yaml:4"). */
    public record Mark(Severity severity, String ruleId, String message, String where) {
    }

    /** How many findings a vertex's tooltip lists before "and N more". */
    static final int TOOLTIP_FINDINGS = 12;
    private static final int MAX_TEXT = 30;

    private GraphSvg() {
    }

    /** True when there is something to draw: a workload or a Kubernetes Service. */
    public static boolean drawable(List<SystemModel> projects) {
        return !SystemGraph.drawable(projects).isEmpty();
    }

    /** The fragment, with findings marked on the vertices of {@code marks} (keys: {@link SystemModel.Node}s...). */
    public static String html(List<SystemModel> projects, Map<Object, List<Mark>> marks) {
        List<Block> blocks = new ArrayList<>();
        int y = 0;
        int width = 0;
        for (SystemGraph g : SystemGraph.drawable(projects)) {
            Block b = GraphLayout.block(g, y);
            blocks.add(b);
            y += b.height();
            width = Math.max(width, b.width());
        }
        List<String> groups = new ArrayList<>();
        blocks.forEach(b -> b.boxes().forEach(x -> {
            if (!groups.contains(x.group())) {
                groups.add(x.group());
            }
        }));
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<div class=\"archlens-graph\">\n<style>").append(GraphStyle.CSS).append("</style>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Service graph\" width=\"")
                .append(width).append("\" height=\"").append(y).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(y).append("\">\n<defs><marker id=\"al-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n");
        int total = 0;
        for (Block b : blocks) {
            sb.append("<g class=\"project\" data-project=\"").append(esc(b.title())).append("\">\n<text class=\"title\" x=\"")
                    .append(GraphLayout.PAD).append("\" y=\"").append(b.top() + 20).append("\">").append(esc(b.title()))
                    .append("</text>\n");
            b.curves().forEach(c -> curve(c, sb));
            for (Box x : b.boxes()) {
                List<Mark> m = marks.getOrDefault(x.vertex(), List.of());
                total += m.size();
                box(x, groups.indexOf(x.group()), m, sb);
            }
            sb.append("</g>\n");
        }
        sb.append("</svg>\n<ul class=\"legend\">\n");
        for (int i = 0; i < groups.size(); i++) {
            sb.append("<li class=\"g").append(i % 6).append("\">").append(esc(groups.get(i))).append("</li>\n");
        }
        sb.append("<li class=\"store\">data store</li>\n<li class=\"svc\">Kubernetes Service</li>\n")
                .append("<li class=\"dashed\">depends_on (start order only)</li>\n");
        if (total > 0) {
            sb.append("<li class=\"badge\">findings on the service (worst severity; hover for the list)</li>\n");
        }
        return sb.append("</ul>\n</div>\n").toString();
    }

    /** Without marks. */
    public static String html(List<SystemModel> projects) {
        return html(projects, new IdentityHashMap<>());
    }

    private static void curve(Curve c, StringBuilder sb) {
        Box a = c.from();
        Box b = c.to();
        double x0 = a.x() + GraphLayout.W;
        double y0 = a.y() + a.h() / 2.0;
        double x3 = b.x();
        double y3 = b.y() + b.h() / 2.0;
        double bend = Math.max(40, Math.abs(x3 - x0) / 2);
        double x1 = x0 + bend;
        double x2 = x3 - bend;
        sb.append("<path class=\"edge").append(c.dashed() ? " dashed" : "").append("\" d=\"M").append(n(x0)).append(',')
                .append(n(y0)).append(" C").append(n(x1)).append(',').append(n(y0)).append(' ').append(n(x2))
                .append(',').append(n(y3)).append(' ').append(n(x3)).append(',').append(n(y3))
                .append("\" marker-end=\"url(#al-arrow)\"/>\n");
        // the label sits mid-way, or near the target when the edge passes other columns (their boxes would hide it)
        double t = x3 - x0 > GraphLayout.GAP + 1 ? 0.8 : 0.5;
        double u = 1 - t;
        double mx = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
        double my = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y3 + t * t * t * y3;
        sb.append("<text class=\"elabel\" x=\"").append(n(mx)).append("\" y=\"").append(n(my - 4)).append("\">")
                .append(esc(String.join(", ", c.labels()))).append("</text>\n");
    }

    private static void box(Box x, int group, List<Mark> marks, StringBuilder sb) {
        Severity worst = null;
        for (Mark m : marks) {
            worst = worst == null || m.severity().atLeast(worst) ? m.severity() : worst;
        }
        StringBuilder tip = new StringBuilder(String.join(" — ", x.lines()));
        if (!marks.isEmpty()) {
            tip.append("\n").append(marks.size()).append(marks.size() == 1 ? " finding:" : " findings:");
            marks.stream().limit(TOOLTIP_FINDINGS).forEach(m -> tip.append("\n• ").append(m.severity().label())
                    .append(' ').append(m.ruleId()).append(": ").append(m.message()).append(" (").append(m.where())
                    .append(')'));
            if (marks.size() > TOOLTIP_FINDINGS) {
                tip.append("\n… and ").append(marks.size() - TOOLTIP_FINDINGS).append(" more");
            }
        }
        sb.append("<g class=\"node ").append(x.kind()).append(" g").append(Math.max(0, group) % 6)
                .append(worst == null ? "" : " worst-" + worst.label()).append("\" data-name=\"").append(esc(x.name()))
                .append("\" data-findings=\"").append(marks.size()).append('"');
        if (worst != null) {
            sb.append(" data-worst=\"").append(worst.label()).append('"');
        }
        sb.append("><title>").append(esc(tip.toString())).append("</title><rect x=\"").append(x.x()).append("\" y=\"")
                .append(x.y()).append("\" width=\"").append(GraphLayout.W).append("\" height=\"").append(x.h())
                .append("\" rx=\"").append(x.kind().equals("svc") ? 20 : 5).append("\"/>");
        int line = 0;
        int first = x.y() + (x.lines().size() == 1 ? x.h() / 2 + 4 : 19);
        for (String l : x.lines()) {
            sb.append("<text x=\"").append(x.x() + 10).append("\" y=\"").append(first + 15 * line).append('"')
                    .append(line == 0 ? " class=\"name\"" : "").append('>').append(esc(cut(l))).append("</text>");
            line++;
        }
        if (worst != null) {
            int cx = x.x() + GraphLayout.W - 4;
            int cy = x.y() + 4;
            String count = marks.size() > 99 ? "99+" : String.valueOf(marks.size());
            sb.append("<circle class=\"badge\" cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"")
                    .append(count.length() > 1 ? 12 : 10).append("\"/><text class=\"badge\" x=\"").append(cx)
                    .append("\" y=\"").append(cy + 4).append("\">").append(count).append("</text>");
        }
        sb.append("</g>\n");
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    private static String n(double d) {
        return String.valueOf(Math.round(d * 10) / 10.0);
    }

    /** Text for an element or a double-quoted attribute; control characters but tab and newline become U+FFFD. */
    static String esc(String s) {
        return io.archlens.core.Markup.escape(s);
    }
}
