package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.code.ConfigRead;
import io.archlens.model.Canon;
import io.archlens.model.CodeView;
import io.archlens.model.Facts.Mount;
import io.archlens.model.FileFacts;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An injected Spring property ({@code @Value("${orders.url}")}, no default) that no configuration file of the
 * application, no environment variable (relaxed binding: {@code ORDERS_URL}) and no command-line argument
 * provides: the context fails to start. Quiet when configuration may come from elsewhere (a config server,
 * {@code spring.config.import}, {@code SPRING_APPLICATION_JSON}, a mounted configuration file).
 */
public final class SpringPropertyNotProvided implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/spring-property-not-provided",
            "A Spring property injected without a default is set nowhere for the workload", Severity.ERROR,
            Category.RELIABILITY, null);

    private static final List<String> BUILT_IN = List.of("java.", "user.", "os.", "file.", "line.", "path.",
            "random.", "local.", "spring.application.pid", "pid");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            if (!n.binding().spring() || !CodeView.hasCode(n) || n.main() == null || elsewhere(model, n)) {
                continue;
            }
            Provided env = Provided.of(model, n);
            if (!env.complete || env.vars.keySet().stream().anyMatch(k -> k.endsWith(".yml") || k.endsWith(".yaml")
                    || k.endsWith(".properties"))) {
                continue; // a ConfigMap holding a configuration file is mounted somewhere
            }
            for (CodeView.At<ConfigRead> r : CodeView.reads(n)) {
                ConfigRead c = r.fact();
                if (!"property".equals(c.source()) || c.key() == null || c.fallback() != null || c.key().contains("$")
                        || !annotation(model, r) || builtIn(c.key()) || provided(n, env, c.key())) {
                    continue;
                }
                List<Related> rel = new ArrayList<>();
                for (FileFacts f : n.binding().apps()) {
                    rel.add(SystemModel.top(f).related(f.path() + " does not set " + c.key()));
                }
                rel.add(n.workload().nameLoc().related(n.label() + " sets no " + envName(c.key())));
                out.report(r.loc(), "@Value needs " + c.key() + " but no Spring configuration of " + n.name()
                        + ", no environment variable (" + envName(c.key()) + ") and no argument of " + n.label()
                        + " sets it; the application fails to start, add it to application.yml or give a default "
                        + "(${" + c.key() + ":...})", rel);
            }
        }
    }

    private static boolean annotation(SystemModel model, CodeView.At<ConfigRead> r) {
        String t = model.text(r.loc());
        return t != null && t.startsWith("@");
    }

    private static boolean builtIn(String key) {
        for (String b : BUILT_IN) {
            if (key.startsWith(b) || key.equals(b)) {
                return true;
            }
        }
        return false;
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }

    private static boolean provided(Node n, Provided env, String key) {
        String canon = Canon.key(key);
        for (FileFacts f : n.binding().apps()) {
            if (f.app().get(canon) != null || prefixOf(f, canon)) {
                return true;
            }
        }
        for (String v : env.vars.keySet()) {
            if (Canon.key(Canon.fromEnv(v)).equals(canon)) {
                return true;
            }
        }
        String cmd = n.main().commandLine();
        return cmd != null && (cmd.contains("--" + key + "=") || cmd.contains("-D" + key + "="));
    }

    /** A map or list property set below the key ({@code app.hosts[0]}, {@code app.limits.x} for {@code app.limits}). */
    private static boolean prefixOf(FileFacts f, String canon) {
        for (String k : f.app().props().keySet()) {
            if (k.startsWith(canon + ".") || k.startsWith(canon + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Configuration that may come from somewhere the workspace does not show. */
    private static boolean elsewhere(SystemModel model, Node n) {
        for (FileFacts f : n.binding().apps()) {
            for (String k : f.app().props().keySet()) {
                if (k.startsWith("spring.config.import") || k.startsWith("spring.cloud.config")
                        || k.startsWith("spring.config.additionallocation") || k.startsWith("spring.config.location")) {
                    return true;
                }
            }
        }
        if (n.main().env("SPRING_APPLICATION_JSON") != null || n.main().env("SPRING_CONFIG_IMPORT") != null
                || n.main().env("SPRING_CONFIG_ADDITIONAL_LOCATION") != null || n.main().env("SPRING_CONFIG_LOCATION") != null) {
            return true;
        }
        for (Mount m : n.workload().mounts()) {
            if (m.target().contains("config") || m.target().endsWith(".yml") || m.target().endsWith(".yaml")
                    || m.target().endsWith(".properties")) {
                return true;
            }
        }
        return false;
    }
}
