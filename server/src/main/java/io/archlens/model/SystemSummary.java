package io.archlens.model;

import io.archlens.analysis.Finding;
import io.archlens.config.ProjectContext;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Platform;
import io.archlens.model.SystemGraph.Edge;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text views of the model: a workload's connections (the hover on a Compose service or Kubernetes workload) and
 * a compact summary of the system around a file for the LLM agent's prompt.
 */
public final class SystemSummary {
    private SystemSummary() {
    }

    /** Markdown: who calls the workload, what it calls, ports, replicas, what it runs. */
    public static String connections(SystemModel model, SystemGraph graph, Node n) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(n.name()).append("** · ").append(n.platform() == Platform.COMPOSE
                ? "Compose service" : n.workload().kind() + " in namespace `" + n.scope() + "`").append("\n\n");
        List<String> lines = facts(model, graph, n);
        for (String l : lines) {
            sb.append("- ").append(l).append('\n');
        }
        return sb.toString().strip();
    }

    private static List<String> facts(SystemModel model, SystemGraph graph, Node n) {
        List<String> lines = new ArrayList<>();
        String runs = runs(n);
        if (!runs.isEmpty()) {
            lines.add("Runs: " + runs);
        }
        SystemModel.Listen l = n.listen();
        if (!l.ports().isEmpty()) {
            lines.add("Listens on: " + l.describe());
        }
        SystemModel.Replicas r = n.replicas();
        lines.add("Replicas: " + r.count() + (r.what().equals("default") ? "" : " (" + r.what() + ")"));
        List<String> calls = new ArrayList<>();
        for (Edge e : graph.from(n)) {
            calls.add(SystemGraph.name(e.to()) + " (" + e.label() + ")");
        }
        lines.add("Calls: " + (calls.isEmpty() ? "nothing known" : String.join(", ", calls)));
        Set<String> callers = new LinkedHashSet<>();
        for (Edge e : graph.callers(n)) {
            callers.add(SystemGraph.name(e.from()) + " (" + e.label() + ")");
        }
        for (KService s : model.servicesSelecting(n)) {
            callers.add("exposed by Service " + s.name());
        }
        lines.add("Called by: " + (callers.isEmpty() ? "nobody known" : String.join(", ", callers)));
        return lines;
    }

    private static String runs(Node n) {
        List<String> parts = new ArrayList<>();
        if (n.image() != null) {
            parts.add("image `" + n.image() + "`");
        }
        if (n.binding().dockerfile() != null) {
            parts.add("built from `" + n.binding().dockerfile().path() + "`");
        }
        for (FileFacts f : n.binding().apps()) {
            parts.add("Spring config `" + f.path() + "`");
        }
        for (FileFacts f : n.binding().proxies()) {
            parts.add("nginx config `" + f.path() + "`");
        }
        DataStores.Engine e = n.engine();
        if (e != null) {
            parts.add(e.family() + " data store");
        }
        return String.join(", ", parts);
    }

    /**
     * A compact plain-text summary for the LLM agent: the project context, the workloads related to
     * {@code path} (those defined in it or running it, and their neighbours), and the cross-file findings on it.
     * Bounded to about {@code maxChars} characters. Never includes secret values (the model keeps none).
     */
    public static String forAgent(SystemModel model, String uri, List<Finding> crossFindings, int maxChars) {
        StringBuilder sb = new StringBuilder();
        ProjectContext c = model.context();
        sb.append("Project context: ").append(context(c)).append('\n');
        SystemGraph graph = new SystemGraph(model);
        FileFacts file = model.file(uri);
        Set<Node> focus = new LinkedHashSet<>();
        if (file != null) {
            for (Node n : model.nodes()) {
                if (n.file() == file) {
                    focus.add(n);
                }
            }
            focus.addAll(model.nodesUsing(file));
        }
        Set<Node> neighbours = new LinkedHashSet<>();
        for (Node n : focus) {
            for (Edge e : graph.from(n)) {
                addNode(neighbours, e.to(), model);
            }
            for (Edge e : graph.callers(n)) {
                addNode(neighbours, e.from(), model);
            }
        }
        neighbours.removeAll(focus);
        sb.append("System: ").append(model.nodes().size()).append(" workloads, ").append(model.services().size())
                .append(" Kubernetes Services, ").append(graph.edges().size()).append(" connections\n");
        if (focus.isEmpty()) {
            sb.append("This file defines or configures no known workload.\n");
        }
        for (Node n : focus) {
            sb.append(line(model, graph, n, "This file: ")).append('\n');
        }
        for (Node n : neighbours) {
            sb.append(line(model, graph, n, "Related: ")).append('\n');
        }
        if (!crossFindings.isEmpty()) {
            sb.append("Cross-file findings already reported on this file:\n");
            for (Finding f : crossFindings) {
                sb.append("- ").append(f.ruleId()).append(": ").append(f.message()).append('\n');
            }
        }
        String s = sb.toString();
        return s.length() <= maxChars ? s : s.substring(0, Math.max(0, maxChars - 15)) + "\n[truncated]\n";
    }

    private static void addNode(Set<Node> out, Object v, SystemModel model) {
        if (v instanceof Node n) {
            out.add(n);
        } else if (v instanceof KService s) {
            out.addAll(model.selected(s));
        }
    }

    private static String line(SystemModel model, SystemGraph graph, Node n, String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append(n.label());
        sb.append(" [").append(SystemModel.scopeLabel(n)).append("]: ");
        sb.append(String.join("; ", facts(model, graph, n)).replace("`", ""));
        return sb.toString();
    }

    static String context(ProjectContext c) {
        List<String> p = new ArrayList<>();
        p.add("stage=" + (c.stage() == null ? "unknown" : c.stage()));
        if (c.replicas() != null) {
            p.add("replicas=" + c.replicas());
        }
        if (c.requestsPerSecond() != null) {
            p.add("requests-per-second=" + c.requestsPerSecond());
        }
        if (c.teamSize() != null) {
            p.add("team-size=" + c.teamSize());
        }
        if (c.databaseEngine() != null) {
            p.add("database=" + c.databaseEngine());
        }
        if (c.databaseMaxConnections() != null) {
            p.add("max-connections=" + c.databaseMaxConnections());
        }
        if (c.cloud() != null) {
            p.add("cloud=" + c.cloud());
        }
        return String.join(", ", p);
    }
}
