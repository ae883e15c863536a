package io.archlens.model;

import io.archlens.analysis.Finding;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Platform;
import io.archlens.model.GraphSvg.Mark;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which vertex of the service graph a finding concerns. A finding in the file that defines workloads or Services goes
 * to the one whose definition holds it: in a Compose file, the service whose block (the lines indented under its
 * name) holds the finding's line; in Kubernetes manifests, the workload or Service of the same YAML document. A
 * finding in a file a workload runs with (its Dockerfile, Spring or nginx configuration, source code, SQL, OpenAPI
 * documents) goes to every workload using that file. Other findings (top-level volumes, a file no workload uses)
 * concern no vertex.
 */
public final class GraphMarks {
    /** One file's findings; {@code text} may be null (then positions decide without looking at the lines). */
    public record FileFindings(String uri, String path, String text, List<Finding> findings) {
    }

    private GraphMarks() {
    }

    public static Map<Object, List<Mark>> of(List<SystemModel> projects, List<FileFindings> files) {
        Map<String, List<Object>> defined = new LinkedHashMap<>();
        Map<String, List<Node>> used = new LinkedHashMap<>();
        for (SystemModel m : projects) {
            for (Node n : m.nodes()) {
                defined.computeIfAbsent(n.workload().nameLoc().uri(), k -> new ArrayList<>()).add(n);
                SystemModel.Binding b = n.binding();
                List<FileFacts> runs = new ArrayList<>();
                if (b.dockerfile() != null) {
                    runs.add(b.dockerfile());
                }
                for (List<FileFacts> l : List.of(b.apps(), b.proxies(), b.code(), b.schemas(), b.specs())) {
                    runs.addAll(l);
                }
                for (FileFacts f : runs) {
                    List<Node> users = used.computeIfAbsent(f.uri(), k -> new ArrayList<>());
                    if (!users.contains(n)) {
                        users.add(n);
                    }
                }
            }
            for (KService s : m.services()) {
                defined.computeIfAbsent(s.nameLoc().uri(), k -> new ArrayList<>()).add(s);
            }
        }
        defined.values().forEach(l -> l.sort(Comparator.comparingInt(v -> loc(v).range().start())));
        Map<Object, List<Mark>> marks = new IdentityHashMap<>();
        for (FileFindings file : files) {
            List<Object> here = defined.get(file.uri());
            int[] newlines = newlines(file.text());
            int[] documents = file.text() == null ? null : documents(file.text());
            for (Finding f : file.findings()) {
                List<Object> to = here != null ? at(here, file.text(), documents, f.range().start())
                        : List.copyOf(used.getOrDefault(file.uri(), List.of()));
                if (to.isEmpty()) {
                    continue;
                }
                Mark mark = new Mark(f.severity(), f.ruleId(), f.message(), where(file, newlines, f.range().start()));
                to.forEach(v -> marks.computeIfAbsent(v, k -> new ArrayList<>()).add(mark));
            }
        }
        marks.values().forEach(l -> l.sort(Comparator.comparing(Mark::severity)));
        return marks;
    }

    /** The vertex defined in this file whose definition holds {@code offset} (none, or one). */
    private static List<Object> at(List<Object> vertices, String text, int[] documents, int offset) {
        if (vertices.size() == 1 && text == null) {
            return vertices;
        }
        Object before = null;
        for (Object v : vertices) {
            if (loc(v).range().start() <= offset) {
                before = v;
            }
        }
        if (text == null) {
            return before == null ? List.of() : List.of(before);
        }
        int doc = document(documents, offset);
        if (before != null && !kubernetes(before)) {
            return block(text, loc(before).range().start(), offset) ? List.of(before) : List.of();
        }
        // Kubernetes: the vertex of the same document (kind: and apiVersion: come before the name)
        Object same = null;
        for (Object v : vertices) {
            if (kubernetes(v) && document(documents, loc(v).range().start()) == doc
                    && (same == null || loc(v).range().start() <= offset)) {
                same = v;
            }
        }
        return same == null ? List.of() : List.of(same);
    }

    private static boolean kubernetes(Object v) {
        return v instanceof KService || v instanceof Node n && n.platform() == Platform.KUBERNETES;
    }

    private static Loc loc(Object v) {
        return v instanceof Node n ? n.workload().nameLoc() : ((KService) v).nameLoc();
    }

    /** Where each YAML document after the first starts: the offsets of the {@code ---} lines. */
    static int[] documents(String text) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            if (text.startsWith("---", i) && (i + 3 >= text.length() || Character.isWhitespace(text.charAt(i + 3)))) {
                starts.add(i);
            }
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                break;
            }
            i = nl + 1;
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The YAML document (0, 1...) holding an offset. */
    static int document(int[] documents, int offset) {
        int i = java.util.Arrays.binarySearch(documents, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** True when the line of {@code offset} is the name's line or in the block indented under it. */
    static boolean block(String text, int name, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, name - 1)) + 1;
        int indent = indent(text, lineStart);
        int i = text.indexOf('\n', name);
        while (i >= 0 && i + 1 <= Math.min(offset, text.length())) {
            int start = i + 1;
            if (start > offset) {
                break;
            }
            int ind = indent(text, start);
            int next = text.indexOf('\n', start);
            String line = text.substring(start, next < 0 ? text.length() : next).strip();
            if (!line.isEmpty() && !line.startsWith("#") && ind <= indent) {
                return false;
            }
            i = next;
        }
        return true;
    }

    private static int indent(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i - lineStart;
    }

    private static int[] newlines(String text) {
        if (text == null) {
            return null;
        }
        return java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
    }

    private static String where(FileFindings file, int[] newlines, int offset) {
        if (newlines == null) {
            return file.path();
        }
        int i = java.util.Arrays.binarySearch(newlines, offset);
        return file.path() + ":" + ((i < 0 ? -i - 1 : i) + 1);
    }
}
