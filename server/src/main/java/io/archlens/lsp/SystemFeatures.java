package io.archlens.lsp;

import io.archlens.analysis.Analysis;
import io.archlens.model.Connections;
import io.archlens.model.Facts.ConfigObject;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.HostRef;
import io.archlens.model.Facts.ObjectRef;
import io.archlens.model.Facts.Upstream;
import io.archlens.model.FileFacts;
import io.archlens.model.Loc;
import io.archlens.model.ProxyTargets;
import io.archlens.model.SystemGraph;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.Resolution;
import io.archlens.model.SystemSummary;
import io.archlens.model.Workspace;
import io.archlens.core.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;

/** Editor features over the system model: connection hovers, document links, go-to-definition, the graph. */
final class SystemFeatures {
    private static final Parser MD = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private SystemFeatures() {
    }

    private static Range range(Loc l) {
        return new Range(Convert.pos(l.start()), Convert.pos(l.end()));
    }

    /** The facts of an open document, when they come from the analysed text. */
    private static FileFacts facts(SystemModel model, Analysis a) {
        FileFacts f = model.file(a.file().uri());
        // offsets are all that matter: a model built from the same text (say, the disk copy of a file just
        // opened, before the model caught up with the open version) answers as well as the newest one
        if (f == null || !f.file().text().equals(a.file().text())) {
            return null;
        }
        return f;
    }

    /** Hover on a Compose service name or a Kubernetes workload name: its connections. */
    static Hover connectionsHover(Session session, Analysis a, int offset, boolean markdown) {
        if (!session.system.enabled()) {
            return null;
        }
        SystemModel model = session.system.current().model(a.file().uri());
        if (facts(model, a) == null) {
            return null;
        }
        Node n = model.nodeAt(a.file().uri(), offset);
        if (n == null) {
            return null;
        }
        String md = SystemSummary.connections(model, new SystemGraph(model), n);
        MarkupContent c = markdown ? new MarkupContent(MarkupKind.MARKDOWN, md)
                : new MarkupContent(MarkupKind.PLAINTEXT, PLAIN.render(MD.parse(md)).strip());
        return new Hover(c, range(n.workload().nameLoc()));
    }

    /** Links from build contexts, Dockerfiles, env files, mounted files, nginx includes and ConfigMap/Secret refs. */
    static List<DocumentLink> links(Session session, String uri) {
        try {
            return linksOf(session, uri);
        } catch (RuntimeException e) {
            // a link is a convenience: a path that breaks it costs the links, never an error response
            Log.error("document links of " + uri + " failed", e);
            return List.of();
        }
    }

    private static List<DocumentLink> linksOf(Session session, String uri) {
        List<DocumentLink> out = new ArrayList<>();
        if (!session.system.enabled()) {
            return out;
        }
        SystemModel model = session.system.current().model(uri);
        FileFacts f = session.system.index().get(uri);
        if (f == null) {
            return out;
        }
        List<Loc> linked = new ArrayList<>();
        for (FileRef r : f.refs()) {
            if (r.kind() == FileRef.Kind.BUILD_CONTEXT || r.kind() == FileRef.Kind.KUSTOMIZE_BASE
                    || r.kind() == FileRef.Kind.KUSTOMIZE_RESOURCE) {
                continue; // kustomize membership is for project boundaries, written in another file
            }
            Path target = Workspace.absolute(f, r.target());
            if (target != null && Files.isRegularFile(target)) {
                DocumentLink l = new DocumentLink(range(r.loc()), target.toUri().toString());
                l.setTooltip("Open " + r.target());
                out.add(l);
                linked.add(r.loc());
            }
        }
        for (FileRef r : f.refs()) {
            if (r.kind() != FileRef.Kind.BUILD_CONTEXT || linked.contains(r.loc())) {
                continue;
            }
            Path dockerfile = Workspace.absolute(f, r.target() + "/Dockerfile");
            if (dockerfile != null && Files.isRegularFile(dockerfile)) {
                DocumentLink l = new DocumentLink(range(r.loc()), dockerfile.toUri().toString());
                l.setTooltip("Open " + r.target() + "/Dockerfile");
                out.add(l);
            }
        }
        for (var w : f.workloads()) {
            for (Container c : w.containers()) {
                for (ObjectRef ref : c.refs()) {
                    ConfigObject target = configObject(model, w.scope(), ref);
                    if (target != null) {
                        FileFacts tf = model.file(target.nameLoc().uri());
                        if (tf == null || Workspace.absolute(tf, tf.path()) == null) {
                            continue;
                        }
                        DocumentLink l = new DocumentLink(range(ref.loc()), target.nameLoc().uri() + "#L"
                                + (target.nameLoc().start().line() + 1));
                        l.setTooltip("Open " + ref.kind() + " '" + ref.name() + "' in " + tf.path());
                        out.add(l);
                    }
                }
            }
        }
        return out;
    }

    private static ConfigObject configObject(SystemModel model, String ns, ObjectRef ref) {
        for (FileFacts f : model.files()) {
            for (ConfigObject o : f.configObjects()) {
                if (o.kind().equals(ref.kind()) && o.name().equals(ref.name()) && o.scope().equals(ns)) {
                    return o;
                }
            }
        }
        return null;
    }

    /** From an nginx upstream/proxy_pass host or a Spring connection host to the service definition. */
    static List<Location> definition(Session session, Analysis a, int offset) {
        List<Location> out = new ArrayList<>();
        if (!session.system.enabled()) {
            return out;
        }
        SystemModel model = session.system.current().model(a.file().uri());
        FileFacts f = facts(model, a);
        if (f == null) {
            return out;
        }
        String uri = a.file().uri();
        if (f.proxy() != null) {
            for (HostRef h : f.proxy().proxyPasses()) {
                if (h.hostLoc().contains(uri, offset)) {
                    Upstream u = f.proxy().upstream(h.host());
                    if (u != null) {
                        out.add(location(u.nameLoc()));
                        return out;
                    }
                }
            }
            for (ProxyTargets.Target t : ProxyTargets.all(model)) {
                if (t.file() == f && t.ref().hostLoc().contains(uri, offset)) {
                    resolved(model.resolve(t.from(), t.ref().host()), out);
                }
            }
            return out;
        }
        if (f.app() != null) {
            for (Node n : model.nodesUsing(f)) {
                for (Connections.Conn c : n.connections()) {
                    if (c.hostLoc().contains(uri, offset) && !SystemModel.loopback(c.host())) {
                        resolved(model.resolve(n, c.host()), out);
                    }
                }
            }
        }
        return out;
    }

    private static void resolved(Resolution r, List<Location> out) {
        if (r == null) {
            return;
        }
        if (r.service() != null) {
            add(out, location(r.service().nameLoc()));
        }
        for (Node n : r.nodes()) {
            add(out, location(n.workload().nameLoc()));
        }
    }

    private static void add(List<Location> out, Location l) {
        if (!out.contains(l)) {
            out.add(l);
        }
    }

    private static Location location(Loc l) {
        return new Location(l.uri(), range(l));
    }

    /**
     * {@code archlens.showGraph [mermaid|dot|svg]}: the current service graph as text, or with "svg" an object with
     * the drawing ({@code svg}: the report's renderer, findings marked) and the Mermaid text ({@code mermaid}).
     */
    static Object graph(Session session, String format) {
        if ("svg".equalsIgnoreCase(format)) {
            return GraphView.svg(session);
        }
        List<SystemModel> projects = session.system.current().projects();
        return "dot".equalsIgnoreCase(format) ? SystemGraph.dot(projects) : SystemGraph.mermaid(projects);
    }
}
