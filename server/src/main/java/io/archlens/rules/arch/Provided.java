package io.archlens.rules.arch;

import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.ConfigObject;
import io.archlens.model.Facts.EnvVar;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.Facts.ObjectRef;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Workload;
import io.archlens.model.FileFacts;
import io.archlens.model.Loc;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment variables a workload's container gets, by name, with where each is set: Compose
 * {@code environment} and {@code env_file}, Kubernetes {@code env} and the keys of the ConfigMaps and Secrets it
 * references, the Dockerfile's {@code ENV}, the {@code .env} next to the Compose file. {@code complete} is false
 * when a source cannot be read (an env file or object the workspace does not hold, a {@code .env} the image writes
 * for itself): then absence proves nothing.
 */
final class Provided {
    /** Variables every container has, or that the platform or runtime sets. */
    static final Set<String> RUNTIME = Set.of("PATH", "HOME", "HOSTNAME", "USER", "PWD", "LANG", "TZ", "TERM", "SHELL",
            "JAVA_HOME", "TMPDIR", "TEMP", "TMP", "LC_ALL");

    final Map<String, Loc> vars = new LinkedHashMap<>();
    final List<String> sources = new ArrayList<>();
    boolean complete = true;

    static Provided of(SystemModel model, Node n) {
        Provided p = new Provided();
        Container c = n.main();
        if (c != null) {
            for (EnvVar e : c.env()) {
                p.vars.putIfAbsent(e.name(), e.nameLoc());
            }
            p.sources.add(n.platform() == Platform.COMPOSE ? "environment" : "env");
            for (ObjectRef r : c.refs()) {
                if (r.key() != null || !(r.kind().equals("ConfigMap") || r.kind().equals("Secret"))) {
                    continue;
                }
                ConfigObject o = object(model, n.scope(), r);
                if (o == null) {
                    p.complete = r.optional() && p.complete;
                    continue;
                }
                for (String k : o.keys()) {
                    p.vars.putIfAbsent(k, o.nameLoc());
                }
                p.sources.add(r.kind() + " '" + r.name() + "'");
            }
        }
        if (n.platform() == Platform.COMPOSE) {
            for (FileRef r : envFiles(n)) {
                FileFacts f = model.fileAt(r.target());
                if (f == null || f.env() == null) {
                    p.complete = p.complete && r.optional();
                    continue;
                }
                f.env().vars().forEach((k, v) -> p.vars.putIfAbsent(k, v.nameLoc()));
                p.sources.add("env_file " + r.target());
            }
            FileFacts dotenv = model.fileAt(io.archlens.model.Paths.resolve(n.file().dir(), ".env"));
            if (dotenv != null && dotenv.env() != null) {
                dotenv.env().vars().forEach((k, v) -> p.vars.putIfAbsent(k, v.nameLoc()));
                p.sources.add(".env");
            }
        }
        ImageSpec img = SystemModel.dockerfile(n);
        if (img != null) {
            img.env().forEach(p.vars::putIfAbsent);
            p.sources.add("Dockerfile ENV");
            if (img.envFile()) {
                p.complete = false; // the image carries a .env of its own (RUN cp env-example .env)
            }
        }
        return p;
    }

    boolean has(String name) {
        return vars.containsKey(name) || RUNTIME.contains(name) || name.endsWith("_SERVICE_HOST")
                || name.endsWith("_SERVICE_PORT") || name.startsWith("KUBERNETES_");
    }

    private static ConfigObject object(SystemModel model, String scope, ObjectRef r) {
        for (FileFacts f : model.files()) {
            for (ConfigObject o : f.configObjects()) {
                if (o.kind().equals(r.kind()) && o.name().equals(r.name()) && o.scope().equals(scope)) {
                    return o;
                }
            }
        }
        return null;
    }

    /** The env_file entries of a Compose service: those written between its name and the next service's. */
    static List<FileRef> envFiles(Node n) {
        Workload w = n.workload();
        List<Workload> all = new ArrayList<>(n.file().workloads());
        all.sort(Comparator.comparingInt(x -> x.nameLoc().range().start()));
        int start = w.nameLoc().range().start();
        int end = Integer.MAX_VALUE;
        for (Workload o : all) {
            if (o.nameLoc().range().start() > start) {
                end = o.nameLoc().range().start();
                break;
            }
        }
        List<FileRef> out = new ArrayList<>();
        for (FileRef r : n.file().refs()) {
            int at = r.loc().range().start();
            if (r.kind() == FileRef.Kind.ENV_FILE && at > start && at < end) {
                out.add(r);
            }
        }
        return out;
    }
}
