package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.core.TextRange;
import io.archlens.model.Facts.AppSpec;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.EnvVar;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.Hpa;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.Facts.IngressBackend;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Mount;
import io.archlens.model.Facts.Pdb;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Port;
import io.archlens.model.Facts.Prop;
import io.archlens.model.Facts.Workload;
import io.archlens.syntax.image.ImageRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system as the workspace's configuration files describe it: workloads (Compose services and Kubernetes
 * workloads) with the Dockerfile, Spring configuration and nginx configuration that belong to each, Kubernetes
 * Services, Ingresses, autoscalers and disruption budgets, and how services reach each other. Built from
 * per-file {@link FileFacts}; immutable once built, so requests can read it from any thread.
 */
public final class SystemModel {
    /** How a fact about a port was learnt. */
    public enum Basis { APP, EXPOSE, IMAGE, NONE }

    /** A port with the place that says so ({@code loc} null for a built-in default). */
    public record PortSource(int port, Loc loc, String what) {
    }

    /** The ports a workload's main container listens on, and how we know. */
    public record Listen(List<PortSource> ports, Basis basis) {
        public boolean has(int port) {
            for (PortSource p : ports) {
                if (p.port() == port) {
                    return true;
                }
            }
            return false;
        }

        public String describe() {
            List<String> s = new ArrayList<>();
            for (PortSource p : ports) {
                s.add(p.port() + " (" + p.what() + ")");
            }
            return String.join(", ", s);
        }
    }

    /**
     * The files that make up what a workload runs: its Dockerfile, Spring configuration, nginx configuration, and the
     * files under its build context: source code, SQL (migrations) and OpenAPI documents.
     */
    public record Binding(FileFacts dockerfile, List<FileFacts> apps, List<FileFacts> proxies, List<FileFacts> code,
            List<FileFacts> schemas, List<FileFacts> specs) {
        static final Binding NONE = new Binding(null, List.of(), List.of(), List.of(), List.of(), List.of());

        public Binding(FileFacts dockerfile, List<FileFacts> apps, List<FileFacts> proxies) {
            this(dockerfile, apps, proxies, List.of(), List.of(), List.of());
        }

        public boolean spring() {
            return !apps.isEmpty();
        }
    }

    /** A workload in the model, with its file and what it runs. */
    public final class Node {
        private final Workload workload;
        private final FileFacts file;
        private Binding binding = Binding.NONE;
        private volatile Map<String, Prop> props;
        private volatile Listen listen;
        private volatile List<Connections.Conn> connections;

        Node(Workload workload, FileFacts file) {
            this.workload = workload;
            this.file = file;
        }

        public Workload workload() {
            return workload;
        }

        public FileFacts file() {
            return file;
        }

        public Binding binding() {
            return binding;
        }

        public String name() {
            return workload.name();
        }

        public Platform platform() {
            return workload.platform();
        }

        public String scope() {
            return workload.scope();
        }

        public String label() {
            return workload.label();
        }

        public Container main() {
            return workload.containers().isEmpty() ? null : workload.containers().get(0);
        }

        /** The image of the main container, else the Dockerfile's base image. */
        public String image() {
            Container c = main();
            return c == null ? null : c.image();
        }

        /** The data store this workload runs (by its image, or its Dockerfile's base image), or null. */
        public DataStores.Engine engine() {
            for (Container c : workload.containers()) {
                DataStores.Engine e = DataStores.of(c.image());
                if (e != null) {
                    return e;
                }
            }
            if (binding.dockerfile() != null && binding.dockerfile().image() != null) {
                return DataStores.of(binding.dockerfile().image().baseImage());
            }
            return null;
        }

        /**
         * Effective Spring properties: the base file, then non-dev profile files, then the container's
         * environment (relaxed binding: {@code SERVER_PORT} sets {@code server.port}). Keys are canonical.
         */
        public Map<String, Prop> props() {
            if (props == null) {
                Map<String, Prop> m = new LinkedHashMap<>();
                List<FileFacts> apps = new ArrayList<>(binding.apps());
                apps.sort(Comparator.comparing((FileFacts f) -> f.app().profile() == null ? 0 : 1)
                        .thenComparing(FileFacts::path));
                boolean anyNonDev = apps.stream().anyMatch(f -> !f.app().devOnly());
                for (FileFacts f : apps) {
                    if (f.app().devOnly() && anyNonDev) {
                        continue;
                    }
                    m.putAll(f.app().props());
                }
                Container c = main();
                if (c != null && binding.spring()) {
                    for (EnvVar e : c.env()) {
                        if (e.value() != null && e.name().indexOf('_') > 0) {
                            String key = Canon.fromEnv(e.name());
                            m.put(key, new Prop(e.name(), e.value(), e.nameLoc(), e.valueLoc()));
                        }
                    }
                }
                props = m;
            }
            return props;
        }

        public Prop prop(String canonical) {
            return props().get(canonical);
        }

        /**
         * A property's value with {@code ${NAME:default}} placeholders resolved against this container's
         * environment; null when unset or when a placeholder has neither a value nor a default.
         */
        public String resolved(Prop p) {
            return p == null ? null : resolvePlaceholders(p.value(), main());
        }

        /** The ports the main container listens on: app configuration, else EXPOSE, else the image default. */
        public Listen listen() {
            Listen l = listen;
            if (l == null) {
                l = computeListen();
                listen = l;
            }
            return l;
        }

        /** The backing services its Spring configuration connects to (see {@link Connections}). */
        public List<Connections.Conn> connections() {
            List<Connections.Conn> c = connections;
            if (c == null) {
                c = List.copyOf(Connections.of(SystemModel.this, this));
                connections = c;
            }
            return c;
        }

        /** The application's ports, plus a debugger's the command opens ({@code node --inspect}: 9229). */
        private Listen computeListen() {
            Listen l = computeAppListen();
            Container main = main();
            List<CommandPorts.Bind> debug = main == null ? List.of() : CommandPorts.debugger(main.commandLine());
            if (debug.isEmpty() || l.basis() == Basis.NONE && l.ports().isEmpty()) {
                return l;
            }
            List<PortSource> ports = new ArrayList<>(l.ports());
            for (CommandPorts.Bind b : debug) {
                ports.add(new PortSource(b.port(), main.loc(), "debugger " + b.option()));
            }
            return new Listen(ports, l.basis());
        }

        /**
         * The Spring application takes its properties from a Spring Cloud Config server
         * ({@code spring.cloud.config.uri}, {@code spring.config.import: configserver:...}): its port is set there.
         */
        private boolean configServer() {
            Prop imp = prop("spring.config.import");
            return prop("spring.cloud.config.uri") != null || prop("spring.cloud.config.discovery.enabled") != null
                    || imp != null && String.valueOf(resolved(imp)).contains("configserver");
        }

        private Listen computeAppListen() {
            List<PortSource> ports = new ArrayList<>();
            Container main = main();
            List<CommandPorts.Bind> binds = main == null ? List.of() : CommandPorts.all(main.commandLine());
            if (!binds.isEmpty()) {
                for (CommandPorts.Bind bind : binds) {
                    ports.add(new PortSource(bind.port(), main.loc(), "command " + bind.option()));
                }
                return new Listen(ports, Basis.APP);
            }
            codeListens(ports);
            if (!ports.isEmpty()) {
                return new Listen(ports, Basis.APP);
            }
            if (binding.spring()) {
                Prop sp = prop("server.port");
                Integer port = sp == null ? null : parsePort(resolved(sp));
                if (sp != null && port != null) {
                    ports.add(new PortSource(port, sp.valueLoc(), "server.port"));
                } else if (sp == null && !configServer()) {
                    ports.add(new PortSource(8080, null, "Spring Boot default"));
                }
                Prop mp = prop("management.server.port");
                Integer mport = mp == null ? null : parsePort(resolved(mp));
                if (mport != null) {
                    ports.add(new PortSource(mport, mp.valueLoc(), "management.server.port"));
                }
            }
            for (FileFacts f : binding.proxies()) {
                for (Port p : f.proxy().listens()) {
                    ports.add(new PortSource(p.port(), p.loc(), "nginx listen"));
                }
            }
            if (!ports.isEmpty()) {
                return new Listen(ports, Basis.APP);
            }
            if (binding.dockerfile() != null && binding.dockerfile().image() != null
                    && !binding.dockerfile().image().exposes().isEmpty()) {
                for (Port p : binding.dockerfile().image().exposes()) {
                    ports.add(new PortSource(p.port(), p.loc(), "EXPOSE"));
                }
                return new Listen(ports, Basis.EXPOSE);
            }
            Container c = main;
            String command = c == null || c.commandLine() == null ? "" : c.commandLine();
            Integer def = c == null ? null : CommandPorts.sentinel(command) && DataStores.of(c.image()) != null
                    && "redis".equals(DataStores.of(c.image()).family()) ? DataStores.defaultPort("redis-sentinel")
                    : DataStores.defaultPort(c.image());
            if (def != null && !command.toLowerCase(Locale.ROOT).contains("port")) {
                String what = CommandPorts.sentinel(command) ? "Redis Sentinel's usual port" : "the usual port of "
                        + ImageRef.parse(c.image()).baseName();
                ports.add(new PortSource(def, null, what));
                for (int extra : DataStores.extraPorts(c.image())) {
                    ports.add(new PortSource(extra, null, "the management port of " + ImageRef.parse(c.image()).baseName()));
                }
                return new Listen(ports, Basis.IMAGE);
            }
            return new Listen(ports, Basis.NONE);
        }

        /**
         * The ports the workload's code binds: a literal ({@code new ServerSocket(8080)}), or a configuration key
         * ({@code PORT}) resolved against the container's environment, else the default written in the code. A
         * Spring default property ({@code server.port} in {@code setDefaultProperties}) counts only when no
         * configuration sets {@code server.port}.
         */
        private void codeListens(List<PortSource> ports) {
            for (CodeView.At<io.archlens.code.Listen> l : CodeView.listens(this)) {
                io.archlens.code.Listen c = l.fact();
                if ("server.port".equals(c.key()) && binding.spring() && prop("server.port") != null) {
                    continue;
                }
                EnvVar e = c.key() == null || main() == null ? null : main().env(c.key());
                Integer fromEnv = e == null ? null : parsePort(e.value());
                ImageSpec img = binding.dockerfile() == null ? null : binding.dockerfile().image();
                Integer fromImage = e != null || c.key() == null || img == null ? null
                        : parsePort(img.envValues().get(c.key()));
                if (fromEnv != null) {
                    ports.add(new PortSource(fromEnv, e.valueLoc(), c.key() + " read by the code"));
                } else if (fromImage != null) {
                    ports.add(new PortSource(fromImage, img.env().get(c.key()), c.key() + " (Dockerfile ENV) read by the code"));
                } else if (c.port() != null && (e == null || e.value() == null)) {
                    ports.add(new PortSource(c.port(), l.loc(), c.key() == null ? "bound in the code"
                            : "the code's default for " + c.key()));
                }
            }
        }

        /** Every port the workload's containers declare (Compose ports/expose targets, containerPort). */
        public List<Port> containerPorts() {
            List<Port> out = new ArrayList<>();
            for (Container c : workload.containers()) {
                out.addAll(c.ports());
                out.addAll(c.expose());
            }
            return out;
        }

        /**
         * True when something answers on {@code port} in this workload: the application's listening ports when its
         * configuration is known, else any declared or default port.
         */
        public boolean serves(int port) {
            Listen l = listen();
            if (l.has(port)) {
                return true;
            }
            if (l.basis() == Basis.APP) {
                return false; // the application's own configuration is the truth; declarations may be wrong
            }
            for (Port p : containerPorts()) {
                if (p.port() == port) {
                    return true;
                }
            }
            return false;
        }

        /** The HorizontalPodAutoscaler that scales this workload, or null. */
        public Hpa hpa() {
            return hpaFor(this);
        }

        /** Replicas: the HPA maximum when one targets it, else spec/deploy replicas, else declared, else 1. */
        public Replicas replicas() {
            Hpa h = hpaFor(this);
            if (h != null && h.maxReplicas() != null) {
                return new Replicas(h.maxReplicas(), h.maxLoc(), "maxReplicas of HorizontalPodAutoscaler '" + h.name() + "'");
            }
            if (workload.replicasLoc() != null && workload.replicas() != null) {
                return new Replicas(workload.replicas(), workload.replicasLoc(),
                        workload.platform() == Platform.COMPOSE ? "deploy.replicas" : "spec.replicas");
            }
            if (context.replicas() != null && engine() == null) {
                // the declared replicas are the application services', not the data stores'
                return new Replicas(context.replicas(), null, "replicas declared in .archlens.yml");
            }
            return new Replicas(workload.replicas() == null ? 1 : workload.replicas(), null, "default");
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** A replica count and where it comes from. */
    public record Replicas(int count, Loc loc, String what) {
    }

    /** What a host name resolves to from a workload: Compose services or a Kubernetes Service and its pods. */
    public record Resolution(List<Node> nodes, KService service) {
        public boolean found() {
            return !nodes.isEmpty() || service != null;
        }
    }

    /** A model of nothing (no project holds the file asked about). */
    public static final SystemModel EMPTY = new SystemModel(List.of(), null, FileProbe.NONE);

    private final Map<String, FileFacts> files;
    private final String project;
    private final ProjectContext context;
    private final WorkspaceObjects workspace;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Map<String, List<Node>>> compose = new TreeMap<>();
    private final Map<String, List<KService>> kservices = new TreeMap<>();
    private final List<KService> allServices = new ArrayList<>();
    private final List<IngressBackend> ingresses = new ArrayList<>();
    private final List<Hpa> hpas = new ArrayList<>();
    private final List<Pdb> pdbs = new ArrayList<>();
    private final Map<Hpa, FileFacts> hpaFiles = new LinkedHashMap<>();
    private final Set<FileRef> missing = new LinkedHashSet<>();
    private final Map<String, FileFacts> byPath = new LinkedHashMap<>();

    /** Builds the model; {@code probe} answers whether referenced files exist (called once per reference). */
    public SystemModel(Collection<FileFacts> facts, ProjectContext context, FileProbe probe) {
        this("", facts, context, probe);
    }

    /** The model of one project ({@link Projects}); {@code project} labels it in graphs. */
    public SystemModel(String project, Collection<FileFacts> facts, ProjectContext context, FileProbe probe) {
        this(project, facts, context, probe, WorkspaceObjects.NONE);
    }

    /** As above, knowing the Kubernetes objects the rest of the workspace defines ({@link #workspace()}). */
    public SystemModel(String project, Collection<FileFacts> facts, ProjectContext context, FileProbe probe,
            WorkspaceObjects workspace) {
        this.project = project;
        this.workspace = workspace;
        List<FileFacts> sorted = new ArrayList<>(facts);
        sorted.sort(Comparator.comparing(FileFacts::path).thenComparing(FileFacts::uri));
        Map<String, FileFacts> m = new LinkedHashMap<>();
        for (FileFacts f : sorted) {
            m.put(f.uri(), f);
            byPath.putIfAbsent(f.path(), f);
        }
        this.files = m;
        this.context = context == null ? ProjectContext.EMPTY : context;
        for (FileFacts f : sorted) {
            for (Workload w : f.workloads()) {
                Node n = new Node(w, f);
                nodes.add(n);
                if (w.platform() == Platform.COMPOSE) {
                    compose.computeIfAbsent(w.scope(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(w.name(), k -> new ArrayList<>()).add(n);
                }
            }
            for (KService s : f.services()) {
                kservices.computeIfAbsent(s.scope(), k -> new ArrayList<>()).add(s);
                allServices.add(s);
            }
            ingresses.addAll(f.ingressBackends());
            for (Hpa h : f.hpas()) {
                hpas.add(h);
                hpaFiles.put(h, f);
            }
            pdbs.addAll(f.pdbs());
            for (FileRef r : f.refs()) {
                FileFacts inc = r.kind() == FileRef.Kind.COMPOSE_INCLUDE ? byPath.get(r.target()) : null;
                if (inc != null && !inc.dir().equals(f.dir())) {
                    included.computeIfAbsent(f.dir(), k -> new ArrayList<>()).add(inc);
                }
            }
            for (FileRef r : f.refs()) {
                if (r.kind() != FileRef.Kind.MOUNT && r.kind() != FileRef.Kind.NGINX_INCLUDE && !r.optional()
                        && !probe.exists(f, r.target()) && !(r.kind() == FileRef.Kind.ENV_FILE && example(probe, f, r))) {
                    missing.add(r);
                }
            }
        }
        // Compose `include:`: the included file's services are names of the including project too
        for (Map.Entry<String, List<FileFacts>> e : included.entrySet()) {
            for (FileFacts inc : e.getValue()) {
                for (Node n : nodes) {
                    if (n.file() == inc && n.platform() == Platform.COMPOSE) {
                        compose.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n);
                    }
                }
            }
        }
        bind();
    }

    private final Map<String, List<FileFacts>> included = new LinkedHashMap<>();

    /**
     * An env file kept out of the repository on purpose ({@code .env} holds secrets and is ignored by git) comes
     * with a committed example to copy: {@code .env.example}, {@code -sample}, {@code _template}, {@code .dist}...
     * Then its absence (on a CI checkout, a fresh clone) is the convention working, not a broken reference.
     */
    private static boolean example(FileProbe probe, FileFacts f, FileRef r) {
        for (String word : List.of("example", "sample", "template", "dist", "tpl", "default")) {
            for (String sep : List.of(".", "-", "_")) {
                if (probe.exists(f, r.target() + sep + word)) {
                    return true; // .env.example, .env.prod-sample, .env_template...
                }
            }
        }
        return false;
    }

    // ---- binding workloads to the files that describe what they run -------------------------------------

    /** Files by role, indexed once per model so binding is linear in the number of workloads. */
    private final Map<String, FileFacts> dockerfilesByPath = new java.util.HashMap<>();
    private final Map<String, FileFacts> dockerfilesByDir = new java.util.HashMap<>();
    private final Map<String, List<FileFacts>> appsUnder = new java.util.HashMap<>();
    private final Map<String, List<FileFacts>> proxiesUnder = new java.util.HashMap<>();
    private final Map<String, String> dockerfileDirByName = new java.util.HashMap<>();
    private final Map<String, List<FileFacts>> codeUnder = new java.util.HashMap<>();
    private final Map<String, List<FileFacts>> schemasUnder = new java.util.HashMap<>();
    private final Map<String, List<FileFacts>> specsUnder = new java.util.HashMap<>();
    private final Map<FileFacts, List<Node>> users = new java.util.IdentityHashMap<>();

    private void indexFiles() {
        for (FileFacts f : files.values()) {
            String dir = Paths.parent(f.path());
            if (f.image() != null) {
                dockerfilesByPath.putIfAbsent(f.path(), f);
                dockerfilesByDir.putIfAbsent(dir, f);
                dockerfileDirByName.putIfAbsent(Paths.name(dir).toLowerCase(Locale.ROOT), dir);
            }
            if (f.app() != null && !f.path().contains("/src/test/")) {
                for (String d = dir; ; d = Paths.parent(d)) {
                    appsUnder.computeIfAbsent(d, k -> new ArrayList<>()).add(f);
                    if (d.isEmpty() || d.equals("/")) {
                        break;
                    }
                }
            }
            Map<String, List<FileFacts>> under = f.code() != null ? codeUnder : f.schema() != null ? schemasUnder
                    : f.api() != null ? specsUnder : null;
            if (under != null) {
                for (String d = dir; ; d = Paths.parent(d)) {
                    under.computeIfAbsent(d, k -> new ArrayList<>()).add(f);
                    if (d.isEmpty() || d.equals("/")) {
                        break;
                    }
                }
            }
            if (f.proxy() != null) {
                for (String d = f.path(); ; d = Paths.parent(d)) {
                    proxiesUnder.computeIfAbsent(d, k -> new ArrayList<>()).add(f);
                    if (d.isEmpty() || d.equals("/")) {
                        break;
                    }
                }
            }
        }
    }

    private void bind() {
        indexFiles();
        Map<String, Node> byRepository = new java.util.HashMap<>();
        Map<String, Node> byBuildName = new java.util.HashMap<>();
        for (Node n : nodes) {
            Workload w = n.workload();
            if (w.build() != null && !w.build().remote()) {
                // (a local build without a Dockerfile path is one whose path is computed: dockerfile: ${X})
                n.binding = bindingFor(w.build().context(), w.build().dockerfile() == null ? "$" : w.build().dockerfile(),
                        w.mounts());
            } else if (!w.mounts().isEmpty()) {
                n.binding = bindingFor(null, null, w.mounts());
            }
            if (w.build() != null && !w.build().remote() && n.binding != Binding.NONE) {
                Container c = n.main();
                if (c != null && c.image() != null && !c.image().contains("$")) {
                    byRepository.putIfAbsent(ImageRef.parse(c.image()).repository().toLowerCase(Locale.ROOT), n);
                }
                byBuildName.putIfAbsent(Paths.name(w.build().context()).toLowerCase(Locale.ROOT), n);
                byBuildName.putIfAbsent(w.name().toLowerCase(Locale.ROOT), n);
            }
        }
        // Kubernetes workloads (and image-only Compose services) run images built elsewhere in the repository
        for (Node n : nodes) {
            if (n.binding != Binding.NONE) {
                continue;
            }
            Node source = buildSourceFor(n, byRepository, byBuildName);
            if (source != null) {
                n.binding = source.binding;
                continue;
            }
            String dir = dockerfileDirFor(n);
            if (dir != null) {
                n.binding = bindingFor(dir, null, List.of());
            }
        }
        for (Node n : nodes) {
            Binding b = n.binding;
            if (b.dockerfile() != null) {
                users.computeIfAbsent(b.dockerfile(), k -> new ArrayList<>()).add(n);
            }
            for (FileFacts f : b.apps()) {
                users.computeIfAbsent(f, k -> new ArrayList<>()).add(n);
            }
            for (FileFacts f : b.proxies()) {
                users.computeIfAbsent(f, k -> new ArrayList<>()).add(n);
            }
            for (FileFacts f : b.code()) {
                users.computeIfAbsent(f, k -> new ArrayList<>()).add(n);
            }
        }
    }

    private Binding bindingFor(String context, String dockerfile, List<Mount> mounts) {
        if (dockerfile != null && dockerfile.contains("$")) {
            // dockerfile: ${AD_DOCKERFILE} in a repository-root context: which of the context's code, Spring, nginx
            // and specs the image holds is not known, so none is bound to it (only what the service mounts)
            context = null;
        }
        FileFacts df = dockerfile != null ? dockerfilesByPath.get(dockerfile)
                : context != null ? dockerfilesByDir.get(context) : null;
        List<FileFacts> apps = context == null ? List.of() : appsUnder.getOrDefault(context, List.of());
        List<FileFacts> proxies = new ArrayList<>();
        if (context != null && runsProxy(df)) {
            proxies.addAll(proxiesUnder.getOrDefault(context, List.of()));
        }
        for (Mount mt : mounts) {
            for (FileFacts f : proxiesUnder.getOrDefault(mt.source(), List.of())) {
                if (!proxies.contains(f)) {
                    proxies.add(f);
                }
            }
        }
        List<FileFacts> code = context == null ? List.of() : copiedCode(context, df, mounts);
        List<FileFacts> schemas = context == null ? List.of() : schemasUnder.getOrDefault(context, List.of());
        List<FileFacts> specs = context == null ? List.of() : specsUnder.getOrDefault(context, List.of());
        if (df == null && apps.isEmpty() && proxies.isEmpty() && code.isEmpty() && schemas.isEmpty() && specs.isEmpty()) {
            return Binding.NONE;
        }
        return new Binding(df, List.copyOf(apps), proxies, List.copyOf(code), List.copyOf(schemas), List.copyOf(specs));
    }

    /**
     * The code under the build context that the image holds: where its Dockerfile copies only some paths of the
     * context (a repository-root context whose Dockerfile copies {@code ./backend}), the code under those paths and
     * under the folders bind-mounted into the container; otherwise (it copies everything, or only build output
     * such as a jar, so no source at all) all code under the context.
     */
    private static final java.util.regex.Pattern PROXY = java.util.regex.Pattern.compile(
            "(?i)nginx|openresty|angie|tengine");

    /**
     * Whether the image built from the context runs the nginx configurations found under it: unknown Dockerfile (as
     * before), an nginx-family base image, a command that starts nginx, or a copied path that names it. An image
     * {@code FROM scratch} that runs a Go binary does not run the {@code nginx/nginx.conf} a sibling service mounts.
     */
    private static boolean runsProxy(FileFacts df) {
        ImageSpec img = df == null ? null : df.image();
        if (img == null) {
            return true;
        }
        if (img.baseImage() != null && PROXY.matcher(img.baseImage()).find()
                || img.command() != null && PROXY.matcher(img.command().text()).find()) {
            return true;
        }
        if (img.copied() != null) {
            for (String c : img.copied()) {
                if (PROXY.matcher(c).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern BUILD_OUTPUT = java.util.regex.Pattern.compile(
            "(^|/)(target|build|dist|out|bin|publish)(/|$)|\\.(jar|war|ear|dll|exe)$");

    private List<FileFacts> copiedCode(String context, FileFacts df, List<Mount> mounts) {
        List<FileFacts> all = codeUnder.getOrDefault(context, List.of());
        List<String> copied = df == null || df.image() == null ? null : df.image().copied();
        if (copied == null || all.isEmpty()) {
            return all;
        }
        String base = context.isEmpty() || context.equals("/") ? context : context + "/";
        List<String> roots = new ArrayList<>();
        for (String c : copied) {
            if (BUILD_OUTPUT.matcher(c).find()) {
                return all; // the image holds code compiled from the context, not only the copied sources
            }
            roots.add(base + c);
        }
        for (Mount m : mounts) {
            if (m.source() != null) {
                roots.add(m.source());
            }
        }
        List<FileFacts> out = new ArrayList<>();
        for (FileFacts f : all) {
            for (String r : roots) {
                if (f.path().equals(r) || f.path().startsWith(r.endsWith("/") ? r : r + "/")) {
                    out.add(f);
                    break;
                }
            }
        }
        if (copied.isEmpty()) {
            return out; // the image copies nothing of the context: only mounted sources run in it
        }
        // copying no source at all (target/app.jar, dist/): the image holds what the context's code was built into
        return out.isEmpty() ? all : out;
    }

    /** A Compose service that builds the image this workload runs (same repository, name or folder). */
    private Node buildSourceFor(Node n, Map<String, Node> byRepository, Map<String, Node> byBuildName) {
        for (Container c : n.workload().containers()) {
            if (c.image() == null || c.image().contains("$")) {
                continue;
            }
            ImageRef ref = ImageRef.parse(c.image());
            Node o = byRepository.get(ref.repository().toLowerCase(Locale.ROOT));
            if (o == null) {
                o = byBuildName.get(ref.baseName());
            }
            if (o != null && o != n) {
                return o;
            }
        }
        return null;
    }

    /** A folder named like the workload's image with a Dockerfile in it. */
    private String dockerfileDirFor(Node n) {
        for (Container c : n.workload().containers()) {
            if (c.image() == null || c.image().contains("$")) {
                continue;
            }
            String dir = dockerfileDirByName.get(ImageRef.parse(c.image()).baseName());
            if (dir != null) {
                return dir;
            }
        }
        return null;
    }

    // ---- queries -----------------------------------------------------------------------------------------

    public ProjectContext context() {
        return context;
    }

    /** The Kubernetes objects the whole workspace defines (none known for a model built over arbitrary files). */
    public WorkspaceObjects workspace() {
        return workspace;
    }

    /** The project this model describes ("" for a model built over arbitrary files). */
    public String project() {
        return project;
    }

    private volatile List<ProxyTargets.Target> proxyTargets;

    /** Every host an nginx file proxies to, per workload running it (computed once). */
    public List<ProxyTargets.Target> proxyTargets() {
        List<ProxyTargets.Target> t = proxyTargets;
        if (t == null) {
            t = List.copyOf(ProxyTargets.compute(this));
            proxyTargets = t;
        }
        return t;
    }

    public Collection<FileFacts> files() {
        return files.values();
    }

    public FileFacts file(String uri) {
        return files.get(uri);
    }

    public FileFacts fileAt(String path) {
        return byPath.get(path);
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Compose projects (folder -> service name -> its definitions, more than one with override files). */
    public Map<String, Map<String, List<Node>>> composeProjects() {
        return compose;
    }

    public List<KService> services() {
        return allServices;
    }

    public List<KService> services(String namespace) {
        return kservices.getOrDefault(namespace, List.of());
    }

    public List<IngressBackend> ingressBackends() {
        return ingresses;
    }

    public List<Hpa> hpas() {
        return hpas;
    }

    public FileFacts fileOf(Hpa h) {
        return hpaFiles.get(h);
    }

    public List<Pdb> pdbs() {
        return pdbs;
    }

    /** References to files or folders that do not exist (build contexts, Dockerfiles, env files). */
    public Set<FileRef> missingRefs() {
        return missing;
    }

    public List<Node> nodesIn(Platform p, String scope) {
        if (byScope == null) {
            Map<String, List<Node>> m = new java.util.HashMap<>();
            for (Node n : nodes) {
                m.computeIfAbsent(n.platform() + ":" + n.scope(), k -> new ArrayList<>()).add(n);
            }
            byScope = m;
        }
        return byScope.getOrDefault(p + ":" + scope, List.of());
    }

    private volatile Map<String, List<Node>> byScope;

    /** Kubernetes workloads in the Service's namespace whose pod labels match its selector. */
    public List<Node> selected(KService s) {
        List<Node> out = new ArrayList<>();
        if (s.selector().isEmpty()) {
            return out;
        }
        for (Node n : nodesIn(Platform.KUBERNETES, s.scope())) {
            if (matches(s.selector(), n.workload().podLabels())) {
                out.add(n);
            }
        }
        return out;
    }

    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The Services that select this Kubernetes workload. */
    public List<KService> servicesSelecting(Node n) {
        List<KService> out = new ArrayList<>();
        if (n.platform() != Platform.KUBERNETES) {
            return out;
        }
        for (KService s : services(n.scope())) {
            if (matches(s.selector(), n.workload().podLabels())) {
                out.add(s);
            }
        }
        return out;
    }

    public Hpa hpaFor(Node n) {
        if (n.platform() != Platform.KUBERNETES) {
            return null;
        }
        for (Hpa h : hpas) {
            if (h.scope().equals(n.scope()) && n.name().equals(h.targetName())
                    && (h.targetKind() == null || h.targetKind().equals(n.workload().kind()))) {
                return h;
            }
        }
        return null;
    }

    public Node hpaTarget(Hpa h) {
        for (Node n : nodes) {
            if (n.platform() == Platform.KUBERNETES && n.scope().equals(h.scope()) && n.name().equals(h.targetName())
                    && (h.targetKind() == null || h.targetKind().equals(n.workload().kind()))) {
                return n;
            }
        }
        return null;
    }

    /** The workloads that run with this nginx or Spring file (or Dockerfile). */
    public List<Node> nodesUsing(FileFacts f) {
        return users.getOrDefault(f, List.of());
    }

    /** The workloads defined at (or whose definition contains) an offset of a file. */
    public Node nodeAt(String uri, int offset) {
        for (Node n : nodes) {
            if (n.workload().nameLoc().contains(uri, offset)) {
                return n;
            }
        }
        return null;
    }

    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-fA-F:]+:[0-9a-fA-F:]*]?");

    /** True for names no service definition can provide: IP literals, variables, external names. */
    public static boolean unresolvable(String host) {
        return host == null || host.isEmpty() || host.contains("$") || host.contains("{") || IP.matcher(host).matches()
                || host.startsWith("unix:");
    }

    public static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
    }

    /**
     * Resolves a host name as seen from a workload: Compose service names and aliases of its project, or
     * Kubernetes Service names of its namespace ({@code name}, {@code name.ns}, {@code name.ns.svc[.cluster.local]}).
     * Returns null when the name is not the kind of name the platform resolves (an external domain).
     */
    public Resolution resolve(Node from, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (from.platform() == Platform.COMPOSE) {
            if (h.contains(".")) {
                return null;
            }
            List<Node> found = new ArrayList<>();
            for (Map.Entry<String, List<Node>> e : compose.getOrDefault(from.scope(), Map.of()).entrySet()) {
                for (Node n : e.getValue()) {
                    if (n.name().equalsIgnoreCase(h) || n.workload().aliases().stream().anyMatch(a -> a.equalsIgnoreCase(h))) {
                        found.add(n);
                    }
                }
            }
            return new Resolution(found, null);
        }
        String name = h;
        String ns = from.scope();
        if (h.contains(".")) {
            String[] parts = h.split("\\.");
            boolean cluster = h.endsWith(".svc") || h.endsWith(".svc.cluster.local") || parts.length == 2;
            if (!cluster) {
                return null;
            }
            name = parts[0];
            ns = parts[1];
        }
        for (KService s : services(ns)) {
            if (s.name().equalsIgnoreCase(name)) {
                return new Resolution(selected(s), s);
            }
        }
        if (!ns.equals(from.scope()) && services(ns).isEmpty() && nodesIn(Platform.KUBERNETES, ns).isEmpty()) {
            return null; // another namespace the workspace does not describe (or "a.b" is an external name)
        }
        return new Resolution(List.of(), null);
    }

    /** The names a workload can reach in its platform scope, for messages. */
    public List<String> namesVisibleFrom(Node from) {
        Set<String> out = new LinkedHashSet<>();
        if (from.platform() == Platform.COMPOSE) {
            out.addAll(compose.getOrDefault(from.scope(), Map.of()).keySet());
        } else {
            for (KService s : services(from.scope())) {
                out.add(s.name());
            }
        }
        return new ArrayList<>(out);
    }

    /** "Compose project 'examples/shop'" / "namespace 'shop'" for messages. */
    public static String scopeLabel(Node n) {
        if (n.platform() == Platform.COMPOSE) {
            return "the Compose project in '" + (n.scope().isEmpty() ? "." : n.scope()) + "'";
        }
        return "namespace '" + n.scope() + "'";
    }

    /** The location of {@code part} inside the text at {@code loc} (the whole location when not found). */
    public Loc within(Loc loc, String part) {
        FileFacts f = files.get(loc.uri());
        if (f == null || part == null || part.isEmpty()) {
            return loc;
        }
        SourceFile sf = f.file();
        TextRange r = loc.range();
        if (r.end() > sf.text().length()) {
            return loc;
        }
        int at = sf.text().substring(r.start(), r.end()).indexOf(part);
        return at < 0 ? loc : Loc.of(sf, new TextRange(r.start() + at, r.start() + at + part.length()));
    }

    /** The source text at a location, or null when the file is not in the model. */
    public String text(Loc loc) {
        FileFacts f = files.get(loc.uri());
        if (f == null || loc.range().end() > f.file().text().length()) {
            return null;
        }
        return f.file().slice(loc.range());
    }

    /** An empty location at the start of a file (for facts that are defaults, such as Spring's port 8080). */
    public static Loc top(FileFacts f) {
        return Loc.of(f.file(), TextRange.empty(0));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    static String resolvePlaceholders(String value, Container env) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).strip();
            String repl = null;
            if (env != null) {
                EnvVar e = env.env(name);
                if (e == null) {
                    e = env.env(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
                }
                if (e != null) {
                    repl = e.value();
                }
            }
            if (repl == null) {
                repl = m.group(2);
            }
            if (repl == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(repl));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static Integer parsePort(String s) {
        if (s == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(s.strip());
            return p >= 0 && p < 65536 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether referenced files exist; the default asks the file system. */
    public interface FileProbe {
        boolean exists(FileFacts from, String displayPath);

        FileProbe DISK = (from, path) -> {
            java.nio.file.Path abs = Workspace.absolute(from, path);
            return abs == null || java.nio.file.Files.exists(abs);
        };

        FileProbe NONE = (from, path) -> true;
    }

    /** Apps of a node: convenience for rules. */
    public static List<AppSpec> apps(Node n) {
        List<AppSpec> out = new ArrayList<>();
        for (FileFacts f : n.binding().apps()) {
            out.add(f.app());
        }
        return out;
    }

    public static ImageSpec dockerfile(Node n) {
        return n.binding().dockerfile() == null ? null : n.binding().dockerfile().image();
    }
}
