package io.archlens.lsp;

import io.archlens.analysis.Finding;
import io.archlens.model.CrossFileAnalysis;
import io.archlens.model.GraphMarks;
import io.archlens.model.GraphSvg;
import io.archlens.model.SystemGraph;
import io.archlens.model.SystemModel;
import io.archlens.workspace.Document;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code archlens.showGraph svg}: the service graph drawn by the report's renderer ({@link GraphSvg}), with the
 * findings the editor knows (open documents' analyses and the cross-file findings of every file) marked on the
 * services they concern, plus the Mermaid text (for "Copy Mermaid").
 */
final class GraphView {
    private GraphView() {
    }

    static Map<String, Object> svg(Session session) {
        CrossFileAnalysis.Result current = session.system.current();
        List<SystemModel> projects = current.projects();
        Map<String, List<Finding>> byUri = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Document d : session.store.all()) {
            texts.put(d.uri(), d.text());
            if (session.scheduler != null) {
                session.scheduler.cached(d.uri()).filter(r -> r.analysis() != null)
                        .ifPresent(r -> add(byUri, seen, d.uri(), r.analysis().findings()));
            }
        }
        current.byUri().forEach((uri, findings) -> add(byUri, seen, uri, findings));
        List<GraphMarks.FileFindings> files = new ArrayList<>();
        byUri.forEach((uri, findings) -> files.add(new GraphMarks.FileFindings(uri, shown(session, uri),
                texts.containsKey(uri) ? texts.get(uri) : read(uri), findings)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("svg", GraphSvg.drawable(projects) ? GraphSvg.html(projects, GraphMarks.of(projects, files)) : "");
        out.put("mermaid", SystemGraph.mermaid(projects));
        return out;
    }

    private static void add(Map<String, List<Finding>> byUri, Set<List<Object>> seen, String uri, List<Finding> fs) {
        for (Finding f : fs) {
            if (seen.add(List.of(uri, f.ruleId(), f.range(), f.message()))) {
                byUri.computeIfAbsent(uri, k -> new ArrayList<>()).add(f);
            }
        }
    }

    private static String read(String uri) {
        try {
            Path p = Path.of(URI.create(uri));
            return Files.size(p) <= 2L * 1024 * 1024 ? Files.readString(p) : null;
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        }
    }

    private static String shown(Session session, String uri) {
        try {
            Path p = Path.of(URI.create(uri));
            Path root = session.root;
            return root != null && p.startsWith(root) ? root.relativize(p).toString() : p.getFileName().toString();
        } catch (RuntimeException e) {
            return uri;
        }
    }
}
