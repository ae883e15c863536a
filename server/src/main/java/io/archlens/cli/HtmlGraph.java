package io.archlens.cli;

import static io.archlens.cli.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service graph as an inline SVG, drawn from the Mermaid text {@code SystemGraph} writes (so the report shows
 * what {@code archlens graph} prints): one block per project, vertices in columns by the longest path that reaches
 * them, edges as curves labelled with what they carry. No layout library, no script.
 */
final class HtmlGraph {
    private static final Pattern SUBGRAPH = Pattern.compile("^\\s*subgraph (\\w+)\\[\"(.*)\"\\]$");
    private static final Pattern NODE = Pattern.compile("^\\s*(\\w+)(\\[\\(|\\(\\[|\\{\\{|\\[)\"(.*)\"(?:\\)\\]|\\]\\)|\\}\\}|\\])$");
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\w+) (-\\.->|-->)\\|\"(.*)\"\\| (\\w+)$");
    private static final int W = 190;
    private static final int H = 46;
    private static final int GAP = 130;
    private static final int VGAP = 22;
    private static final int PAD = 16;
    private static final int TITLE = 28;
    private static final int MAX_TEXT = 30;

    private record Vertex(String id, String shape, String label, int group) {
    }

    /** Edges between one pair of vertices, drawn as one curve with their labels joined. */
    private static final class Link {
        final List<String> labels = new ArrayList<>();
        boolean dashed = true;
    }

    private static final class Project {
        final String title;
        final Map<String, Vertex> vertices = new LinkedHashMap<>();
        final Map<List<String>, Link> links = new LinkedHashMap<>();

        Project(String title) {
            this.title = title;
        }
    }

    private HtmlGraph() {
    }

    static String svg(String mermaid) {
        List<Project> projects = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        int depth = 0;
        for (String line : mermaid.split("\n")) {
            Matcher m;
            if ((m = SUBGRAPH.matcher(line)).matches()) {
                depth++;
                if (depth == 1) {
                    projects.add(new Project(text(m.group(2))));
                } else {
                    groups.add(text(m.group(2)));
                }
            } else if (line.strip().equals("end")) {
                depth--;
            } else if (projects.isEmpty()) {
                continue;
            } else if ((m = NODE.matcher(line)).matches()) {
                Vertex v = new Vertex(m.group(1), m.group(2), text(m.group(3)), Math.max(0, groups.size() - 1));
                projects.get(projects.size() - 1).vertices.put(v.id(), v);
            } else if ((m = EDGE.matcher(line)).matches()) {
                Link l = projects.get(projects.size() - 1).links.computeIfAbsent(List.of(m.group(1), m.group(4)),
                        k -> new Link());
                boolean startOrder = m.group(2).equals("-.->");
                if (!startOrder || l.labels.isEmpty()) {
                    l.labels.add(text(m.group(3)));
                }
                if (!startOrder && l.dashed) { // a connection says more than the start order it implies
                    l.labels.remove("depends_on");
                }
                l.dashed &= startOrder;
            }
        }
        StringBuilder body = new StringBuilder();
        int y = 0;
        int width = 0;
        for (Project p : projects) {
            int[] size = project(p, y, body);
            width = Math.max(width, size[0]);
            y += size[1];
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"graph\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Service graph\"")
                .append(" width=\"").append(width).append("\" height=\"").append(y).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(y).append("\">\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\"")
                .append(" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n").append(body).append("</svg>\n</div>\n");
        sb.append("<ul class=\"legend\">\n");
        for (int i = 0; i < groups.size(); i++) {
            sb.append("<li class=\"g").append(i % 6).append("\">").append(esc(groups.get(i))).append("</li>\n");
        }
        return sb.append("<li class=\"store\">data store</li>\n<li class=\"svc\">Kubernetes Service</li>\n")
                .append("<li class=\"dashed\">depends_on (start order only)</li>\n</ul>\n").toString();
    }

    /** Draws one project at {@code top}; returns its width and height. */
    private static int[] project(Project p, int top, StringBuilder sb) {
        List<String> ids = new ArrayList<>(p.vertices.keySet());
        Map<String, Integer> layer = new LinkedHashMap<>();
        ids.forEach(id -> layer.put(id, 0));
        for (int round = 0; round < ids.size(); round++) { // longest path; a cycle stops growing after n rounds
            boolean changed = false;
            for (List<String> e : p.links.keySet()) {
                if (layer.containsKey(e.get(0)) && layer.containsKey(e.get(1)) && !e.get(0).equals(e.get(1))
                        && layer.get(e.get(1)) <= layer.get(e.get(0))) {
                    layer.put(e.get(1), layer.get(e.get(0)) + 1);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        List<Integer> columns = new ArrayList<>(new TreeSet<>(layer.values()));
        Map<String, int[]> at = new LinkedHashMap<>();
        int[] rows = new int[Math.max(1, columns.size())];
        Map<String, Integer> row = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            int col = columns.get(c);
            // fewer crossings: a vertex goes level with the average row of the vertices pointing at it
            List<String> here = new ArrayList<>(ids.stream().filter(id -> layer.get(id) == col).toList());
            Map<String, Double> key = new LinkedHashMap<>();
            for (String id : here) {
                double sum = 0;
                int n = 0;
                for (List<String> e : p.links.keySet()) {
                    if (e.get(1).equals(id) && row.containsKey(e.get(0))) {
                        sum += row.get(e.get(0));
                        n++;
                    }
                }
                key.put(id, n == 0 ? Double.MAX_VALUE : sum / n);
            }
            here.sort((a, b) -> Double.compare(key.get(a), key.get(b)));
            for (String id : here) {
                row.put(id, rows[c]);
                at.put(id, new int[] {PAD + c * (W + GAP), top + TITLE + rows[c]++ * (H + VGAP)});
            }
        }
        int maxRows = 0;
        for (int r : rows) {
            maxRows = Math.max(maxRows, r);
        }
        sb.append("<g class=\"project\">\n<text class=\"title\" x=\"").append(PAD).append("\" y=\"").append(top + 18)
                .append("\">").append(esc(p.title)).append("</text>\n");
        p.links.forEach((e, l) -> edge(at.get(e.get(0)), at.get(e.get(1)), l, sb));
        for (Vertex v : p.vertices.values()) {
            vertex(v, at.get(v.id()), sb);
        }
        sb.append("</g>\n");
        return new int[] {PAD * 2 + columns.size() * (W + GAP) - GAP, TITLE + maxRows * (H + VGAP) + PAD};
    }

    private static void edge(int[] a, int[] b, Link l, StringBuilder sb) {
        if (a == null || b == null) {
            return;
        }
        double x0 = a[0] + W;
        double y0 = a[1] + H / 2.0;
        double x3 = b[0];
        double y3 = b[1] + H / 2.0;
        double bend = Math.max(40, Math.abs(x3 - x0) / 2);
        double x1 = x0 + bend;
        double x2 = x3 - bend;
        sb.append("<path class=\"edge").append(l.dashed ? " dashed" : "").append("\" d=\"M").append(n(x0)).append(',')
                .append(n(y0)).append(" C").append(n(x1)).append(',').append(n(y0)).append(' ').append(n(x2))
                .append(',').append(n(y3)).append(' ').append(n(x3)).append(',').append(n(y3))
                .append("\" marker-end=\"url(#arrow)\"/>\n");
        // the label sits mid-way, or near the target when the edge passes other columns (their boxes would hide it)
        double t = x3 - x0 > GAP + 1 ? 0.8 : 0.5;
        double u = 1 - t;
        double mx = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
        double my = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y3 + t * t * t * y3;
        sb.append("<text class=\"elabel\" x=\"").append(n(mx)).append("\" y=\"").append(n(my - 4)).append("\">")
                .append(esc(String.join(", ", l.labels))).append("</text>\n");
    }

    private static void vertex(Vertex v, int[] at, StringBuilder sb) {
        String kind = switch (v.shape()) {
            case "[(" -> "store";
            case "([" -> "svc";
            case "{{" -> "ingress";
            default -> "box";
        };
        String[] lines = v.label().split("<br/>", 2);
        sb.append("<g class=\"node ").append(kind).append(" g").append(v.group() % 6).append("\"><title>")
                .append(esc(v.label().replace("<br/>", " — "))).append("</title><rect x=\"").append(at[0])
                .append("\" y=\"").append(at[1]).append("\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" rx=\"").append(kind.equals("svc") ? 20 : 5).append("\"/>");
        sb.append("<text x=\"").append(at[0] + 10).append("\" y=\"").append(at[1] + (lines.length > 1 ? 19 : 28))
                .append("\" class=\"name\">").append(esc(cut(lines[0]))).append("</text>");
        if (lines.length > 1) {
            sb.append("<text x=\"").append(at[0] + 10).append("\" y=\"").append(at[1] + 36).append("\">")
                    .append(esc(cut(lines[1]))).append("</text>");
        }
        sb.append("</g>\n");
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    /** Mermaid's label text back to plain text. */
    private static String text(String s) {
        return s.replace("#quot;", "\"");
    }

    private static String n(double d) {
        return String.valueOf(Math.round(d * 10) / 10.0);
    }
}
