package io.archlens.model;

import io.archlens.model.Facts.Dependency;
import io.archlens.model.Facts.HostRef;
import io.archlens.model.Facts.IngressBackend;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.ServicePort;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.Resolution;
import io.archlens.syntax.image.ImageRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service graph of a {@link SystemModel}: workloads and Kubernetes Services as vertices; depends_on, proxying,
 * connections from applications, Service selection and Ingress routes as edges. Renders as Mermaid or DOT.
 */
public final class SystemGraph {
    /** A directed edge; {@code from}/{@code to} are {@link Node}s, {@link KService}s or Ingress names. */
    public record Edge(Object from, Object to, String kind, Integer port, Loc at) {
        public String label() {
            return port == null ? kind : kind + " :" + port;
        }
    }

    private static final java.util.regex.Pattern ENV_URL = java.util.regex.Pattern.compile(
            "^([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^@/]*@)?([^:/?#]+)(?::(\\d+))?");

    private final SystemModel model;
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, String> ingresses = new LinkedHashMap<>();
    private final Map<String, String> ingressKeys = new LinkedHashMap<>();

    public SystemGraph(SystemModel model) {
        this.model = model;
        build();
    }

    public List<Edge> edges() {
        return edges;
    }

    SystemModel model() {
        return model;
    }

    private void build() {
        for (Map<String, List<Node>> project : model.composeProjects().values()) {
            for (List<Node> defs : project.values()) {
                for (Node n : defs) {
                    for (Dependency d : n.workload().dependsOn()) {
                        List<Node> t = project.get(d.target());
                        if (t != null) {
                            add(n, t.get(0), "depends_on", null, d.loc());
                        }
                    }
                }
            }
        }
        for (ProxyTargets.Target t : ProxyTargets.all(model)) {
            HostRef h = t.ref();
            if (SystemModel.unresolvable(h.host()) || SystemModel.loopback(h.host())) {
                continue;
            }
            connect(t.from(), model.resolve(t.from(), h.host()), "http", ProxyTargets.port(h), h.hostLoc());
        }
        for (Node n : model.nodes()) {
            for (Connections.Conn c : n.connections()) {
                if (SystemModel.unresolvable(c.host()) || SystemModel.loopback(c.host())) {
                    continue;
                }
                connect(n, model.resolve(n, c.host()), c.role(), c.port(), c.hostLoc());
            }
        }
        // other applications: connection URLs in the environment (REDIS_URL=redis://redis:6379/0, DATABASE_URL...)
        for (Node n : model.nodes()) {
            if (n.binding().spring()) {
                continue;
            }
            for (Facts.Container c : n.workload().containers()) {
                for (Facts.EnvVar e : c.env()) {
                    java.util.regex.Matcher m = e.value() == null ? null : ENV_URL.matcher(e.value().strip());
                    if (m == null || !m.find() || SystemModel.unresolvable(m.group(2))
                            || SystemModel.loopback(m.group(2))) {
                        continue;
                    }
                    String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
                    Integer port = m.group(3) != null ? Integer.valueOf(m.group(3)) : null;
                    connect(n, model.resolve(n, m.group(2)), scheme, port, e.valueLoc());
                }
            }
        }
        // the code's own calls: URL literals naming a service of the project (code facts)
        for (Node n : model.nodes()) {
            for (CodeView.At<io.archlens.code.ServiceUrl> u : CodeView.urls(n)) {
                String host = u.fact().host();
                if (SystemModel.unresolvable(host) || SystemModel.loopback(host) || host.equalsIgnoreCase(n.name())) {
                    continue;
                }
                connect(n, model.resolve(n, host), "calls", u.fact().port(), u.loc());
            }
        }
        for (KService s : model.services()) {
            for (Node n : model.selected(s)) {
                Integer tp = s.ports().isEmpty() ? null : s.ports().get(0).targetPort();
                add(s, n, "selects", tp, s.nameLoc());
            }
        }
        for (IngressBackend b : model.ingressBackends()) {
            for (KService s : model.services(b.scope())) {
                if (s.name().equals(b.service())) {
                    String key = ingressKeys.computeIfAbsent(b.scope() + "/" + b.ingress(), k -> k);
                    ingresses.put(key, b.ingress());
                    add(key, s, "routes", b.port(), b.serviceLoc());
                }
            }
        }
    }

    private void connect(Node from, Resolution r, String kind, Integer port, Loc at) {
        if (r == null || !r.found()) {
            return;
        }
        if (r.service() != null) {
            add(from, r.service(), kind, port, at);
        } else {
            add(from, r.nodes().get(0), kind, port, at);
        }
    }

    private void add(Object from, Object to, String kind, Integer port, Loc at) {
        for (Edge e : edges) {
            if (e.from() == from && e.to() == to && e.kind().equals(kind) && java.util.Objects.equals(e.port(), port)) {
                return;
            }
        }
        edges.add(new Edge(from, to, kind, port, at));
    }

    /** Edges leaving a vertex, and edges into it. */
    public List<Edge> from(Object v) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.from() == v) {
                out.add(e);
            }
        }
        return out;
    }

    public List<Edge> to(Object v) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.to() == v) {
                out.add(e);
            }
        }
        return out;
    }

    /** Who reaches a workload, including through the Services that select it. */
    public List<Edge> callers(Node n) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : to(n)) {
            if (e.from() instanceof KService s) {
                out.addAll(to(s));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    public static String name(Object v) {
        if (v instanceof Node n) {
            return n.name();
        }
        if (v instanceof KService s) {
            return "svc/" + s.name();
        }
        return "ingress/" + v;
    }

    // ---- rendering -------------------------------------------------------------------------------------

    /** Short description of a workload for graph labels: kind, runtime, ports, replicas. */
    static String describe(Node n) {
        List<String> parts = new ArrayList<>();
        DataStores.Engine e = n.engine();
        if (e != null) {
            parts.add(e.family());
        } else if (n.binding().spring()) {
            parts.add("Spring");
        } else if (!n.binding().proxies().isEmpty()) {
            parts.add("nginx");
        } else if (n.image() != null && !n.image().contains("$")) {
            parts.add(ImageRef.parse(n.image()).baseName());
        }
        SystemModel.Listen l = n.listen();
        if (!l.ports().isEmpty()) {
            Set<Integer> ports = new LinkedHashSet<>();
            for (SystemModel.PortSource p : l.ports()) {
                ports.add(p.port());
            }
            List<String> ps = new ArrayList<>();
            for (Integer p : ports) {
                ps.add(":" + p);
            }
            parts.add(String.join(" ", ps));
        }
        SystemModel.Replicas r = n.replicas();
        if (r.what().startsWith("maxReplicas")) {
            int min = n.workload().replicas() == null ? 1 : n.workload().replicas();
            Facts.Hpa h = n.hpa();
            if (h != null && h.minReplicas() != null) {
                min = Math.max(min, h.minReplicas());
            }
            parts.add("x" + min + "-" + r.count());
        } else if (r.count() != 1) {
            parts.add("x" + r.count());
        }
        return String.join(" · ", parts);
    }

    public String mermaid() {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        appendMermaid(sb, "n", "g_", "  ");
        return sb.toString();
    }

    public String dot() {
        StringBuilder sb = new StringBuilder(DOT_HEAD);
        appendDot(sb, "n", "cluster_", "  ");
        return sb.append("}\n").toString();
    }

    private static final String DOT_HEAD = "digraph system {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";

    /** One subgraph per project (docs/system-graph.md), each holding its Compose projects and namespaces. */
    public static String mermaid(List<SystemModel> projects) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        int i = 0;
        for (SystemGraph g : drawable(projects)) {
            String p = "p" + i++;
            sb.append("  subgraph ").append(p).append("[\"").append(esc(g.model.project())).append("\"]\n");
            g.appendMermaid(sb, p + "_n", p + "_g_", "    ");
            sb.append("  end\n");
        }
        return sb.toString();
    }

    /** One cluster per project, as {@link #mermaid(List)}. */
    public static String dot(List<SystemModel> projects) {
        StringBuilder sb = new StringBuilder(DOT_HEAD);
        int i = 0;
        for (SystemGraph g : drawable(projects)) {
            String p = "p" + i++;
            sb.append("  subgraph cluster_").append(p).append(" {\n    label=\"").append(dotEsc(g.model.project()))
                    .append("\";\n");
            g.appendDot(sb, p + "_n", "cluster_" + p + "_", "    ");
            sb.append("  }\n");
        }
        return sb.append("}\n").toString();
    }

    static List<SystemGraph> drawable(List<SystemModel> projects) {
        List<SystemGraph> out = new ArrayList<>();
        for (SystemModel m : projects) {
            if (!m.nodes().isEmpty() || !m.services().isEmpty()) {
                out.add(new SystemGraph(m));
            }
        }
        return out;
    }

    private void appendMermaid(StringBuilder sb, String idPrefix, String groupPrefix, String indent) {
        Map<Object, String> ids = ids(idPrefix);
        for (Map.Entry<String, List<Object>> g : groups().entrySet()) {
            sb.append(indent).append("subgraph ").append(groupPrefix).append(groupId(g.getKey())).append("[\"")
                    .append(esc(g.getKey())).append("\"]\n");
            for (Object v : g.getValue()) {
                sb.append(indent).append("  ").append(ids.get(v)).append(shape(v, label(v, "<br/>"))).append('\n');
            }
            sb.append(indent).append("end\n");
        }
        for (Edge e : edges) {
            String arrow = e.kind().equals("depends_on") ? " -.->" : " -->";
            sb.append(indent).append(ids.get(e.from())).append(arrow).append("|\"").append(esc(e.label())).append("\"| ")
                    .append(ids.get(e.to())).append('\n');
        }
    }

    private void appendDot(StringBuilder sb, String idPrefix, String clusterPrefix, String indent) {
        Map<Object, String> ids = ids(idPrefix);
        int c = 0;
        for (Map.Entry<String, List<Object>> g : groups().entrySet()) {
            sb.append(indent).append("subgraph ").append(clusterPrefix).append(c++).append(" {\n").append(indent)
                    .append("  label=\"").append(dotEsc(g.getKey())).append("\";\n");
            for (Object v : g.getValue()) {
                String shape = v instanceof Node n && n.engine() != null ? "cylinder"
                        : v instanceof KService ? "ellipse" : v instanceof String ? "hexagon" : "box";
                sb.append(indent).append("  ").append(ids.get(v)).append(" [label=\"").append(dotEsc(label(v, "\\n")))
                        .append("\", shape=").append(shape).append("];\n");
            }
            sb.append(indent).append("}\n");
        }
        for (Edge e : edges) {
            sb.append(indent).append(ids.get(e.from())).append(" -> ").append(ids.get(e.to())).append(" [label=\"")
                    .append(dotEsc(e.label())).append("\"").append(e.kind().equals("depends_on") ? ", style=dashed" : "")
                    .append("];\n");
        }
    }

    Map<String, List<Object>> groups() {
        Map<String, List<Object>> g = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            g.computeIfAbsent(group(n.platform(), n.scope()), k -> new ArrayList<>()).add(n);
        }
        for (KService s : model.services()) {
            g.computeIfAbsent(group(Platform.KUBERNETES, s.scope()), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, String> i : ingresses.entrySet()) {
            String ns = i.getKey().substring(0, i.getKey().indexOf('/'));
            g.computeIfAbsent(group(Platform.KUBERNETES, ns), k -> new ArrayList<>()).add(i.getKey());
        }
        return g;
    }

    private static String group(Platform p, String scope) {
        return p == Platform.COMPOSE ? "Compose: " + (scope.isEmpty() ? "." : scope) : "Kubernetes: namespace " + scope;
    }

    private Map<Object, String> ids(String prefix) {
        Map<Object, String> ids = new IdentityHashMap<>();
        int i = 0;
        for (List<Object> l : groups().values()) {
            for (Object v : l) {
                ids.put(v, prefix + i++);
            }
        }
        return ids;
    }

    private static String groupId(String s) {
        return "g_" + s.replaceAll("[^A-Za-z0-9]+", "_");
    }

    String label(Object v, String br) {
        if (v instanceof Node n) {
            String d = describe(n);
            String kind = n.platform() == Platform.KUBERNETES ? n.workload().kind() + " " : "";
            int routes = CodeView.routes(n).size();
            String served = routes == 0 ? "" : br + routes + (routes == 1 ? " route" : " routes") + " served";
            return kind + n.name() + (d.isEmpty() ? "" : br + d) + served;
        }
        if (v instanceof KService s) {
            List<String> ports = new ArrayList<>();
            for (ServicePort p : s.ports()) {
                ports.add(":" + p.port());
            }
            return "Service " + s.name() + (ports.isEmpty() ? "" : br + String.join(" ", ports));
        }
        return "Ingress " + ingresses.get(v);
    }

    private static String shape(Object v, String label) {
        String l = "\"" + esc(label) + "\"";
        if (v instanceof Node n && n.engine() != null) {
            return "[(" + l + ")]";
        }
        if (v instanceof KService) {
            return "([" + l + "])";
        }
        if (v instanceof String) {
            return "{{" + l + "}}";
        }
        return "[" + l + "]";
    }

    private static String esc(String s) {
        return s.replace("\"", "#quot;");
    }

    private static String dotEsc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n");
    }
}
