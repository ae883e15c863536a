package io.archlens.model;

import io.archlens.secrets.SecretFingerprints;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.BuildRef;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.Dependency;
import io.archlens.model.Facts.EnvVar;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.Mount;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Port;
import io.archlens.model.Facts.Probe;
import io.archlens.model.Facts.Published;
import io.archlens.model.Facts.SecretUse;
import io.archlens.model.Facts.VarUse;
import io.archlens.model.Facts.Workload;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeParser;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose services: image, build, ports, environment, env files, dependencies, replicas, healthchecks. */
final class ComposeExtractor implements FactExtractor {
    /** {@code ${NAME:-default}} or {@code ${NAME-default}}: a variable with a default and nothing else around it. */
    private static final java.util.regex.Pattern DEFAULTED = java.util.regex.Pattern.compile(
            "\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$]+)}");

    /** {@code ${NAME}}, {@code ${NAME:-default}}..., or {@code $NAME}; {@code $$} is an escaped dollar. */
    static final Pattern VAR = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])[^}]*)?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern URL_IN_TEST = Pattern.compile("https?://([^/:\\s\"']+)(?::(\\d+))?(/[^\\s\"']*)?");

    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.COMPOSE);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        ComposeFile cf = model instanceof ComposeFile c ? c : ComposeParser.parse(file).model();
        String dir = Paths.parent(file.path());
        for (ComposeService s : cf.services()) {
            service(file, dir, s, out);
        }
        if (cf.root() != null) {
            variables(file, cf.root(), out, new HashSet<>());
            includes(dir, cf.root(), out);
        }
    }

    /** Top-level {@code include:} (a path, a list of paths, or {@code path:} entries): other Compose files of the project. */
    private static void includes(String dir, YMap root, FileFacts.Builder out) {
        for (YNode item : Y.seq(root.get("include"))) {
            YNode path = item instanceof YMap m ? m.get("path") : item;
            List<YNode> paths = path instanceof YSeq seq ? seq.items() : path == null ? List.of() : List.of(path);
            for (YNode p : paths) {
                String v = Y.str(p);
                if (v != null && !v.contains("$") && !v.contains("://")) {
                    out.ref(new FileRef(FileRef.Kind.COMPOSE_INCLUDE, Paths.resolve(dir, v), out.loc(p.range()), true));
                }
            }
        }
    }

    private static void service(SourceFile file, String dir, ComposeService s, FileFacts.Builder out) {
        String image = s.text("image");
        YEntry imageEntry = s.get("image");
        List<Port> ports = new ArrayList<>();
        List<Published> published = new ArrayList<>();
        for (YNode item : Y.seq(s.value("ports"))) {
            port(file, item, ports, published, out);
        }
        List<Port> expose = new ArrayList<>();
        for (YNode item : Y.seq(s.value("expose"))) {
            String v = Y.str(item);
            Integer p = v == null ? null : firstPort(v);
            if (p != null) {
                expose.add(new Port(p, null, null, out.loc(item.range())));
            }
        }
        List<EnvVar> env = environment(file, s.value("environment"), out);
        for (EnvVar e : env) {
            if (e.value() != null) {
                String fp = SecretFingerprints.of(e.name(), e.value());
                if (fp != null) {
                    out.secret(new SecretUse(fp, e.name(), e.valueLoc()));
                }
            }
        }
        envFiles(dir, s.value("env_file"), out);
        BuildRef build = build(dir, s.value("build"), out);
        List<Dependency> deps = new ArrayList<>();
        for (ComposeService.Dependency d : s.dependencies()) {
            deps.add(new Dependency(d.service(), d.condition(), out.loc(d.node().range())));
        }
        Integer replicas = null;
        io.archlens.model.Loc replicasLoc = null;
        YNode r = Y.at(s.value("deploy"), "replicas");
        if (r == null) {
            r = s.value("scale");
        }
        if (Y.integer(r) != null) {
            replicas = Y.integer(r);
            replicasLoc = out.loc(r.range());
        }
        YEntry hc = s.get("healthcheck");
        List<Probe> probes = new ArrayList<>();
        if (hc != null && s.hasHealthcheck()) {
            YNode test = Y.at(hc.value(), "test");
            for (YNode t : test instanceof YSeq seq ? seq.items() : test == null ? List.<YNode>of() : List.of(test)) {
                if (t instanceof YScalar sc) {
                    Matcher m = URL_IN_TEST.matcher(sc.value());
                    if (m.find() && m.group(3) != null) {
                        TextRange pr = find(file, sc, m.group(3));
                        probes.add(new Probe("healthcheck", m.group(3), m.group(2) == null ? 80 : Integer.parseInt(m.group(2)),
                                null, out.loc(pr), out.loc(pr)));
                    }
                }
            }
        }
        List<String> aliases = new ArrayList<>();
        addIf(aliases, s.text("container_name"));
        addIf(aliases, s.text("hostname"));
        YNode nets = s.value("networks");
        if (nets instanceof YMap nm) {
            for (YEntry ne : nm.entries()) {
                for (YNode a : Y.seq(Y.at(ne.value(), "aliases"))) {
                    addIf(aliases, Y.str(a));
                }
            }
        }
        for (YNode l : Y.seq(s.value("links"))) {
            String v = Y.str(l);
            if (v != null && v.contains(":")) {
                // links give the *linked* service an alias; recorded on this service's side is enough for host lookups
                addIf(aliases, v.substring(v.indexOf(':') + 1));
            }
        }
        List<Mount> mounts = new ArrayList<>();
        for (ComposeService.Mount m : s.mounts()) {
            if (m.type() == ComposeService.Mount.Type.BIND && m.source() != null && !m.source().contains("$")
                    && (m.source().startsWith(".") || !m.source().startsWith("/") && !m.source().startsWith("~"))) {
                String src = Paths.resolve(dir, m.source());
                Loc l = out.loc(m.node().range());
                mounts.add(new Mount(src, m.target(), l));
                out.ref(new FileRef(FileRef.Kind.MOUNT, src, l, true));
            }
        }
        Container c = new Container(s.name(), image, imageEntry == null ? null : out.loc(imageEntry.value().range()),
                ports, expose, published, env, List.of(), probes, Set.of(), s.commandLine(), out.loc(s.nameRange()));
        out.workload(new Workload(Platform.COMPOSE, dir, "service", s.name(), out.loc(s.nameRange()), List.of(c),
                Map.of(), replicas, replicasLoc, s.hasHealthcheck(), hc == null ? null : out.loc(hc.key().range()),
                build, deps, aliases, mounts));
    }

    private static void addIf(List<String> l, String s) {
        if (s != null && !s.isBlank()) {
            l.add(s.strip());
        }
    }

    private static void port(SourceFile file, YNode item, List<Port> ports, List<Published> published,
            FileFacts.Builder out) {
        if (item instanceof YMap m) {
            Integer target = Y.integer(m.get("target"));
            if (target != null) {
                Loc l = out.loc(m.get("target").range());
                ports.add(new Port(target, Y.str(m.get("protocol")), null, l));
                String pub = Y.str(m.get("published"));
                published.add(new Published(pub == null ? null : firstPort(pub), target, l));
            }
            return;
        }
        if (!(item instanceof YScalar sc) || sc.isNull()) {
            return;
        }
        String v = sc.value().strip();
        if (v.contains("$")) {
            return;
        }
        String proto = null;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            proto = v.substring(slash + 1);
            v = v.substring(0, slash);
        }
        int colon = v.lastIndexOf(':');
        String containerPart = colon >= 0 ? v.substring(colon + 1) : v;
        Integer target = firstPort(containerPart);
        if (target == null) {
            return;
        }
        TextRange r = find(file, sc, containerPart);
        if (colon >= 0) {
            // the occurrence after the last colon
            TextRange whole = sc.range();
            String raw = file.text().substring(whole.start(), whole.end());
            int at = raw.lastIndexOf(":" + containerPart);
            if (at >= 0) {
                r = new TextRange(whole.start() + at + 1, whole.start() + at + 1 + containerPart.length());
            }
        }
        Loc l = out.loc(r);
        ports.add(new Port(target, proto, null, l));
        Integer host = null;
        if (colon >= 0) {
            String hostPart = v.substring(0, colon);
            int c2 = hostPart.lastIndexOf(':');
            host = firstPort(c2 >= 0 ? hostPart.substring(c2 + 1) : hostPart);
        }
        published.add(new Published(host, target, l));
    }

    /** The first port of {@code 8080} or {@code 3000-3005}; null when not a number. */
    static Integer firstPort(String s) {
        String t = s.strip();
        int dash = t.indexOf('-');
        if (dash > 0) {
            t = t.substring(0, dash);
        }
        try {
            int p = Integer.parseInt(t);
            return p > 0 && p < 65536 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The range of {@code part} inside a scalar's source text (the whole scalar when not found verbatim). */
    static TextRange find(SourceFile file, YNode node, String part) {
        TextRange r = node.range();
        String raw = file.text().substring(Math.min(r.start(), file.text().length()),
                Math.min(r.end(), file.text().length()));
        int at = raw.indexOf(part);
        return at < 0 ? r : new TextRange(r.start() + at, r.start() + at + part.length());
    }

    static List<EnvVar> environment(SourceFile file, YNode n, FileFacts.Builder out) {
        List<EnvVar> env = new ArrayList<>();
        if (n instanceof YMap m) {
            for (YEntry e : io.archlens.syntax.yaml.MergeKeys.entries(m)) {
                String v = e.value() instanceof YScalar sc && !sc.isNull() ? sc.value() : null;
                env.add(new EnvVar(e.keyText().strip(), v, out.loc(e.key().range()),
                        out.loc(e.value().range().isEmpty() ? e.key().range() : e.value().range())));
            }
        } else if (n instanceof YSeq s) {
            for (YNode item : s.items()) {
                String v = Y.str(item);
                if (v == null) {
                    continue;
                }
                int eq = v.indexOf('=');
                String name = eq < 0 ? v : v.substring(0, eq).strip();
                TextRange nr = find(file, item, name);
                TextRange vr = item.range();
                if (eq >= 0) {
                    String value = v.substring(eq + 1);
                    TextRange whole = item.range();
                    int nameEnd = nr.end();
                    int valStart = file.text().indexOf('=', nameEnd);
                    vr = valStart >= 0 && valStart < whole.end()
                            ? new TextRange(valStart + 1, Math.max(valStart + 1, Math.min(whole.end(),
                                    valStart + 1 + value.length()))) : whole;
                    env.add(new EnvVar(name, value, out.loc(nr), out.loc(vr)));
                } else {
                    env.add(new EnvVar(name, null, out.loc(nr), out.loc(vr)));
                }
            }
        }
        return env;
    }

    private static void envFiles(String dir, YNode n, FileFacts.Builder out) {
        List<YNode> items = n instanceof YSeq s ? s.items() : n == null ? List.of() : List.of(n);
        for (YNode item : items) {
            String path;
            YNode at = item;
            boolean optional = false;
            if (item instanceof YMap m) {
                path = Y.str(m.get("path"));
                at = m.get("path");
                optional = "false".equalsIgnoreCase(Y.str(m.get("required")));
            } else {
                path = Y.str(item);
            }
            if (path == null || at == null || path.contains("$")) {
                continue;
            }
            out.ref(new FileRef(FileRef.Kind.ENV_FILE, Paths.resolve(dir, path), out.loc(at.range()), optional));
        }
    }

    private static BuildRef build(String dir, YNode n, FileFacts.Builder out) {
        String ctx;
        YNode ctxNode;
        String dockerfile = null;
        YNode dfNode = null;
        if (n instanceof YMap m) {
            ctx = Y.str(m.get("context"));
            ctxNode = m.get("context");
            dockerfile = Y.str(m.get("dockerfile"));
            dfNode = m.get("dockerfile");
            if (ctx == null) {
                ctx = ".";
                ctxNode = n;
            }
        } else {
            ctx = Y.str(n);
            ctxNode = n;
        }
        if (ctx == null || ctxNode == null) {
            return null;
        }
        boolean remote = ctx.contains("://") || ctx.startsWith("git@") || ctx.endsWith(".git") || ctx.contains("$");
        Loc loc = out.loc(ctxNode instanceof YMap ? ((YMap) ctxNode).range() : ctxNode.range());
        if (remote) {
            return new BuildRef(ctx, null, loc, null, true);
        }
        String context = Paths.resolve(dir, ctx);
        java.util.regex.Matcher dflt = dockerfile == null ? null : DEFAULTED.matcher(dockerfile.strip());
        if (dflt != null && dflt.matches()) {
            dockerfile = dflt.group(1); // dockerfile: ${API_DOCKERFILE:-api/Dockerfile}: the default, as Compose does
        }
        String df = dockerfile == null ? context + "/Dockerfile"
                : dockerfile.contains("$") ? null : Paths.resolve(context, dockerfile);
        Loc dfLoc = dfNode == null ? loc : out.loc(dfNode.range());
        out.ref(new FileRef(FileRef.Kind.BUILD_CONTEXT, context, loc, false));
        if (df != null) {
            out.ref(new FileRef(FileRef.Kind.DOCKERFILE, Paths.normalize(df), dfLoc, false));
        }
        return new BuildRef(context, df == null ? null : Paths.normalize(df), loc, dfLoc, false);
    }

    /** Every {@code ${VAR}} in scalar values and keys, with the exact range of the reference. */
    private static void variables(SourceFile file, YNode n, FileFacts.Builder out, Set<YNode> seen) {
        if (n == null || !seen.add(n)) {
            return;
        }
        if (n instanceof YScalar sc) {
            if (sc.value().indexOf('$') < 0) {
                return;
            }
            TextRange r = sc.range();
            String text = file.text();
            if (r.end() > text.length()) {
                return;
            }
            Matcher m = VAR.matcher(text);
            m.region(r.start(), r.end());
            while (m.find()) {
                if (m.group().equals("$$")) {
                    continue;
                }
                String name = m.group(1) != null ? m.group(1) : m.group(3);
                String op = m.group(1) != null ? m.group(2) : null;
                boolean hasDefault = op != null && !op.isEmpty();
                out.varUse(new VarUse(name, hasDefault, out.loc(new TextRange(m.start(), m.end()))));
            }
        } else if (n instanceof YMap m) {
            for (YEntry e : m.entries()) {
                variables(file, e.key(), out, seen);
                variables(file, e.value(), out, seen);
            }
        } else if (n instanceof YSeq s) {
            for (YNode i : s.items()) {
                variables(file, i, out, seen);
            }
        }
    }
}
