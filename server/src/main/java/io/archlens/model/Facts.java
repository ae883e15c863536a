package io.archlens.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts one file contributes to the {@link SystemModel}. Every fact is a small immutable record with the
 * {@link Loc} of what it was read from; none keeps a parsed syntax tree.
 */
public final class Facts {
    private Facts() {
    }

    /** Where a workload is deployed: a Compose project (its folder) or a Kubernetes namespace. */
    public enum Platform { COMPOSE, KUBERNETES }

    /** A port number as written (EXPOSE, container port, listen...). {@code name} for named container ports. */
    public record Port(int port, String protocol, String name, Loc loc) {
    }

    /** A Compose published port {@code host:container}; {@code container} is the target. */
    public record Published(Integer host, int container, Loc loc) {
    }

    /** An environment variable set on a container; {@code value} null when it comes from a reference. */
    public record EnvVar(String name, String value, Loc nameLoc, Loc valueLoc) {
    }

    /** An HTTP probe (Kubernetes probe httpGet, Compose healthcheck URL): path and port as written. */
    public record Probe(String type, String path, Integer port, String portName, Loc pathLoc, Loc portLoc) {
    }

    /** One {@code depends_on} entry. */
    public record Dependency(String target, String condition, Loc loc) {
    }

    /**
     * A reference to a named ConfigMap or Secret (envFrom, valueFrom, volumes) or ServiceAccount
     * (serviceAccountName); {@code key} is the key a valueFrom reads (else null), {@code optional} its
     * {@code optional: true}.
     */
    public record ObjectRef(String kind, String name, Loc loc, String key, boolean optional) {
    }

    /** One container of a workload (a Compose service has exactly one). */
    public record Container(String name, String image, Loc imageLoc, List<Port> ports, List<Port> expose,
            List<Published> published, List<EnvVar> env, List<ObjectRef> refs, List<Probe> probes,
            Set<String> requests, String commandLine, Loc loc) {
        public Container {
            ports = List.copyOf(ports);
            expose = List.copyOf(expose);
            published = List.copyOf(published);
            env = List.copyOf(env);
            refs = List.copyOf(refs);
            probes = List.copyOf(probes);
            requests = Set.copyOf(requests);
        }

        public EnvVar env(String name) {
            for (int i = env.size() - 1; i >= 0; i--) {
                if (env.get(i).name().equals(name)) {
                    return env.get(i);
                }
            }
            return null;
        }
    }

    /**
     * A running unit: a Compose service or a Kubernetes workload (Deployment, StatefulSet...). {@code scope} is
     * the Compose project folder or the namespace; {@code kind} is {@code service} for Compose.
     */
    public record Workload(Platform platform, String scope, String kind, String name, Loc nameLoc,
            List<Container> containers, Map<String, String> podLabels, Integer replicas, Loc replicasLoc,
            boolean healthcheck, Loc healthcheckLoc, BuildRef build, List<Dependency> dependsOn,
            List<String> aliases, List<Mount> mounts) {
        public Workload {
            containers = List.copyOf(containers);
            podLabels = Map.copyOf(podLabels);
            dependsOn = List.copyOf(dependsOn);
            aliases = List.copyOf(aliases);
            mounts = List.copyOf(mounts);
        }

        /** "Compose service 'api'" / "Deployment 'api'" for messages. */
        public String label() {
            return (platform == Platform.COMPOSE ? "Compose service '" : kind + " '") + name + "'";
        }

        public String key() {
            return platform + ":" + scope + ":" + kind + ":" + name;
        }
    }

    /** A Compose {@code build:}: the context folder and Dockerfile, resolved against the Compose file's folder. */
    public record BuildRef(String context, String dockerfile, Loc loc, Loc dockerfileLoc, boolean remote) {
    }

    /** A bind mount of a file or folder from the repository into a container ({@code ./web/nginx.conf:/etc/...}). */
    public record Mount(String source, String target, Loc loc) {
    }

    /** A Kubernetes Service. {@code selector} empty means "selects nothing by label" (e.g. ExternalName). */
    public record KService(String scope, String name, Loc nameLoc, Map<String, String> selector, Loc selectorLoc,
            List<ServicePort> ports, String type) {
        public KService {
            selector = Map.copyOf(selector);
            ports = List.copyOf(ports);
        }
    }

    /** One port of a Service: {@code targetPort} a number, or {@code targetName} a container port name. */
    public record ServicePort(String name, int port, Loc portLoc, Integer targetPort, String targetName, Loc targetLoc) {
    }

    /** One backend of an Ingress. */
    public record IngressBackend(String scope, String ingress, String service, Loc serviceLoc, Integer port,
            String portName, Loc portLoc) {
    }

    /** A HorizontalPodAutoscaler: target, replica bounds, the resources its metrics use. */
    public record Hpa(String scope, String name, Loc nameLoc, String targetKind, String targetName, Loc targetLoc,
            Integer minReplicas, Integer maxReplicas, Loc maxLoc, Set<String> resources) {
        public Hpa {
            resources = Set.copyOf(resources);
        }
    }

    /** A PodDisruptionBudget and the labels it selects. */
    public record Pdb(String scope, String name, Loc nameLoc, Map<String, String> selector) {
        public Pdb {
            selector = Map.copyOf(selector);
        }
    }

    /**
     * A NetworkPolicy: the pods it selects ({@code matchLabels}; {@code all} for an empty selector, {@code
     * expressions} when matchExpressions make the match unknown) and the pod selectors of its peers in the same
     * namespace (those without a namespaceSelector).
     */
    public record NetPolicy(String scope, String name, Loc nameLoc, Map<String, String> selector, Loc selectorLoc,
            boolean all, boolean expressions, List<Peer> peers) {
        public NetPolicy {
            selector = Map.copyOf(selector);
            peers = List.copyOf(peers);
        }
    }

    /** A NetworkPolicy peer's pod selector. */
    public record Peer(Map<String, String> selector, Loc loc) {
        public Peer {
            selector = Map.copyOf(selector);
        }
    }

    /** A ConfigMap or Secret definition (keys only), or a ServiceAccount (no keys). */
    public record ConfigObject(String scope, String kind, String name, Loc nameLoc, Set<String> keys) {
        public ConfigObject {
            // the manifest's order: Set.copyOf iterates in an order that changes from run to run, and messages list keys
            keys = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(keys));
        }
    }

    /** An object of a custom resource kind (an operator's: a database cluster, a Kafka...), which may create pods. */
    public record CustomResource(String scope, String apiVersion, String kind, String name, Loc nameLoc) {
    }

    /**
     * What a Dockerfile says about the image it builds (the final stage). {@code copied}: the paths the final stage
     * (and the stages it is built from) copies from the build context, without {@code ./} or a trailing slash; null
     * when that is the whole context or not known (a {@code .}, a wildcard, a variable, no COPY at all).
     * {@code envValues}: the literal values the image's {@code ENV} gives (the final stage's wins).
     */
    public record ImageSpec(String dir, String baseImage, Loc baseLoc, List<Port> exposes, boolean healthcheck,
            Loc healthcheckLoc, Map<String, Loc> env, Command command, List<String> copied,
            Map<String, String> envValues, boolean envFile) {
        public ImageSpec {
            exposes = List.copyOf(exposes);
            env = Map.copyOf(env);
            copied = copied == null ? null : List.copyOf(copied);
            envValues = envValues == null ? Map.of() : Map.copyOf(envValues);
        }

        public ImageSpec(String dir, String baseImage, Loc baseLoc, List<Port> exposes, boolean healthcheck,
                Loc healthcheckLoc) {
            this(dir, baseImage, baseLoc, exposes, healthcheck, healthcheckLoc, Map.of(), null, null, Map.of(), false);
        }
    }

    /**
     * The command a Dockerfile starts (the final stage's ENTRYPOINT, else CMD, inherited ones included): its text,
     * whether it is shell form ({@code CMD npm start}: {@code /bin/sh -c} is PID 1) and where it is written.
     */
    public record Command(String text, boolean shellForm, Loc loc) {
    }

    /** A host (and port) another service is reached at: proxy_pass, upstream server, datasource URL... */
    public record HostRef(String role, String host, Integer port, Loc hostLoc, Loc portLoc, String scheme) {
    }

    /** An nginx upstream block and its servers. */
    public record Upstream(String name, Loc nameLoc, List<HostRef> servers) {
        public Upstream {
            servers = List.copyOf(servers);
        }
    }

    /** What an nginx configuration file listens on and proxies to. */
    public record ProxySpec(List<Port> listens, List<Upstream> upstreams, List<HostRef> proxyPasses) {
        public ProxySpec {
            listens = List.copyOf(listens);
            upstreams = List.copyOf(upstreams);
            proxyPasses = List.copyOf(proxyPasses);
        }

        public Upstream upstream(String name) {
            for (Upstream u : upstreams) {
                if (u.name().equals(name)) {
                    return u;
                }
            }
            return null;
        }
    }

    /** One Spring property value with where it is written. */
    public record Prop(String key, String value, Loc keyLoc, Loc valueLoc) {
    }

    /**
     * The Spring settings the system model cares about, from one configuration file (the documents that apply
     * to every profile, then the file's own profile). {@code profile} is the file's profile (null for the base file);
     * {@code devOnly} for dev/test-only files.
     */
    public record AppSpec(String profile, boolean devOnly, Map<String, Prop> props) {
        public AppSpec {
            props = Map.copyOf(props);
        }

        public Prop get(String canonical) {
            return props.get(canonical);
        }
    }

    /** The assignments of a .env file. */
    public record EnvFile(Map<String, EnvVar> vars) {
        public EnvFile {
            vars = Map.copyOf(vars);
        }
    }

    /** A {@code ${VAR}} interpolation in a Compose file; {@code required} when it has no default. */
    public record VarUse(String name, boolean hasDefault, Loc loc) {
    }

    /** A secret literal: a fingerprint of its value (never the value itself), the key it is assigned to. */
    public record SecretUse(String fingerprint, String key, Loc loc) {
    }

    /**
     * A reference from one file to another file or folder (for links, missing-file checks and project boundaries).
     * {@code KUSTOMIZE_BASE}: the kustomization of the folder {@code target} lists this manifest;
     * {@code KUSTOMIZE_RESOURCE}: another entry of that kustomization (a file, or a base folder an overlay builds on);
     * {@code COMPOSE_INCLUDE}: a Compose file this one {@code include:}s (its services join this file's project).
     */
    public record FileRef(Kind kind, String target, Loc loc, boolean optional) {
        public enum Kind { BUILD_CONTEXT, DOCKERFILE, ENV_FILE, NGINX_INCLUDE, MOUNT, KUSTOMIZE_BASE, KUSTOMIZE_RESOURCE,
            COMPOSE_INCLUDE }
    }
}
