package io.archlens.model;

import io.archlens.model.Facts.KService;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where {@link GraphSvg} draws a project's service graph: vertices in columns by the longest path that reaches them
 * (a cycle stops growing after n rounds), ordered within a column by the average row of their callers (fewer
 * crossings); the edges between one pair of vertices become one curve with their labels joined. No layout library.
 */
final class GraphLayout {
    static final int W = 200;
    static final int GAP = 130;
    static final int VGAP = 24;
    static final int PAD = 16;
    static final int TITLE = 30;

    /** A vertex: its kind (box, store, svc, ingress), label lines, colour group (by Compose project or namespace). */
    record Box(Object vertex, String name, String kind, List<String> lines, String group, int x, int y, int h) {
    }

    /** The edges from one vertex to another; dashed when only depends_on links them. */
    record Curve(Box from, Box to, List<String> labels, boolean dashed) {
    }

    /** One project's drawing, {@code top} pixels down the picture. */
    record Block(String title, int top, List<Box> boxes, List<Curve> curves, int width, int height) {
    }

    private GraphLayout() {
    }

    static Block block(SystemGraph g, int top) {
        Map<String, List<Object>> groups = g.groups();
        List<Object> vertices = new ArrayList<>();
        Map<Object, String> groupOf = new IdentityHashMap<>();
        groups.forEach((name, vs) -> vs.forEach(v -> {
            vertices.add(v);
            groupOf.put(v, name);
        }));
        Map<Object, List<String>> lines = new IdentityHashMap<>();
        int maxLines = 1;
        for (Object v : vertices) {
            List<String> l = List.of(g.label(v, "\n").split("\n"));
            lines.put(v, l.subList(0, Math.min(3, l.size())));
            maxLines = Math.max(maxLines, lines.get(v).size());
        }
        int h = maxLines > 2 ? 60 : 46;
        // one curve per ordered pair; a connection says more than the start order it implies
        Map<List<Object>, List<String>> labels = new LinkedHashMap<>();
        Map<List<Object>, Boolean> dashed = new LinkedHashMap<>();
        for (SystemGraph.Edge e : g.edges()) {
            List<Object> key = List.of(new Id(e.from()), new Id(e.to()));
            List<String> l = labels.computeIfAbsent(key, k -> new ArrayList<>());
            boolean startOrder = e.kind().equals("depends_on");
            if (!startOrder || l.isEmpty()) {
                l.add(e.label());
            }
            if (!startOrder && dashed.getOrDefault(key, true)) {
                l.remove("depends_on");
            }
            dashed.put(key, dashed.getOrDefault(key, true) && startOrder);
        }
        Map<Object, Integer> layer = new IdentityHashMap<>();
        vertices.forEach(v -> layer.put(v, 0));
        for (int round = 0; round < vertices.size(); round++) {
            boolean changed = false;
            for (List<Object> k : labels.keySet()) {
                Object a = ((Id) k.get(0)).v;
                Object b = ((Id) k.get(1)).v;
                if (layer.containsKey(a) && layer.containsKey(b) && a != b && layer.get(b) <= layer.get(a)) {
                    layer.put(b, layer.get(a) + 1);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        List<Integer> columns = new ArrayList<>(new TreeSet<>(layer.values()));
        Map<Object, Box> at = new IdentityHashMap<>();
        Map<Object, Integer> row = new IdentityHashMap<>();
        int maxRows = 0;
        for (int c = 0; c < columns.size(); c++) {
            int col = columns.get(c);
            List<Object> here = new ArrayList<>(vertices.stream().filter(v -> layer.get(v) == col).toList());
            Map<Object, Double> key = new IdentityHashMap<>();
            for (Object v : here) {
                double sum = 0;
                int n = 0;
                for (List<Object> k : labels.keySet()) {
                    Object from = ((Id) k.get(0)).v;
                    if (((Id) k.get(1)).v == v && row.containsKey(from)) {
                        sum += row.get(from);
                        n++;
                    }
                }
                key.put(v, n == 0 ? Double.MAX_VALUE : sum / n);
            }
            here.sort((a, b) -> Double.compare(key.get(a), key.get(b)));
            int r = 0;
            for (Object v : here) {
                row.put(v, r);
                at.put(v, new Box(v, SystemGraph.name(v), kind(v), lines.get(v), groupOf.get(v),
                        PAD + c * (W + GAP), top + TITLE + r++ * (h + VGAP), h));
            }
            maxRows = Math.max(maxRows, r);
        }
        List<Box> boxes = vertices.stream().map(at::get).toList();
        List<Curve> curves = new ArrayList<>();
        labels.forEach((k, l) -> {
            Box a = at.get(((Id) k.get(0)).v);
            Box b = at.get(((Id) k.get(1)).v);
            if (a != null && b != null) {
                curves.add(new Curve(a, b, List.copyOf(l), dashed.get(k)));
            }
        });
        int width = PAD * 2 + Math.max(1, columns.size()) * (W + GAP) - GAP;
        return new Block(g.model().project(), top, boxes, curves, width, TITLE + maxRows * (h + VGAP) + PAD);
    }

    static String kind(Object v) {
        if (v instanceof Node n) {
            return n.engine() != null ? "store" : "box";
        }
        return v instanceof KService ? "svc" : "ingress";
    }

    /** Identity as a map key (vertices are compared by identity, as {@link SystemGraph} does). */
    private record Id(Object v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Id i && i.v == v;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(v);
        }
    }
}
