package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.image.ImageRef;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A long-running service without a healthcheck (in the file, or a HEALTHCHECK in the Dockerfile it builds): Docker
 * reports it "running" while it hangs, {@code restart} never acts on it and no one can wait for it. One
 * implementation, two rules: {@code compose/service-without-healthcheck} for the services others talk to (data
 * stores, brokers, caches, HTTP services) and {@code compose/worker-without-healthcheck} for the rest (profile
 * strict). Left alone: one-shot services, services others depend on ({@code compose/dependency-without-healthcheck}
 * says it there), development files and services, and a build whose Dockerfile cannot be read.
 */
public final class MissingHealthcheck implements Rule<ComposeFile> {
    static final MissingHealthcheck SERVING = new MissingHealthcheck(true);
    static final MissingHealthcheck WORKER = new MissingHealthcheck(false);
    private static final Set<Integer> HTTP_PORTS = Set.of(80, 443, 3000, 4000, 5000, 8000, 8008, 8080, 8081,
            8443, 8888, 9000, 9090);
    private static final Pattern HTTP_IMAGE = Pattern.compile("nginx|nginx-unprivileged|openresty|httpd|caddy|traefik"
            + "|haproxy|envoy|kong|apache|tomcat|jetty|wordpress|keycloak|grafana|prometheus|nexus3|jenkins");

    private final boolean serving;
    private final RuleMeta meta;

    private MissingHealthcheck(boolean serving) {
        this.serving = serving;
        this.meta = serving
                ? RuleMeta.of("compose/service-without-healthcheck", "A data store, broker or HTTP service has no "
                        + "healthcheck", Severity.INFO, Category.RELIABILITY, FileKind.COMPOSE)
                : RuleMeta.of("compose/worker-without-healthcheck", "A long-running service has no healthcheck",
                        Severity.INFO, Category.RELIABILITY, FileKind.COMPOSE);
    }

    @Override
    public RuleMeta meta() {
        return meta;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        if (ComposeSupport.devFile(ctx.file().path())) {
            return;
        }
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            if (s.hasHealthcheck() || ComposeSupport.oneShot(f, s) || ComposeSupport.devService(s)
                    || !f.dependantsOf(s.name()).isEmpty() || serves(s) != serving) {
                continue;
            }
            if (s.has("build")) {
                Dockerfile d = ComposeBuilds.dockerfile(ctx.file(), s);
                if (d == null || ComposeBuilds.healthcheck(d, s)) {
                    continue; // unknown, or the image brings its own
                }
            } else if (s.image() == null || s.image().templated()) {
                continue;
            }
            ctx.report(s.nameRange(), "Service '" + s.name() + "' has no healthcheck: Docker shows it running while it "
                    + "hangs or has lost its " + (serving ? "connections" : "work loop") + ", restart policies never "
                    + "act on it and nothing can wait for it to be ready; add a healthcheck (or a HEALTHCHECK in its "
                    + "Dockerfile)");
        }
    }

    /** A data store, broker or cache (by image), or an HTTP server (by image or by a published/exposed port). */
    static boolean serves(ComposeService s) {
        if (s.stateful()) {
            return true;
        }
        ImageRef img = s.image();
        if (img != null && !img.templated() && HTTP_IMAGE.matcher(img.baseName().toLowerCase(Locale.ROOT)).matches()) {
            return true;
        }
        for (String key : new String[] {"ports", "expose"}) {
            for (YNode item : ComposeSupport.items(s.value(key))) {
                Integer port = containerPort(item);
                if (port != null && HTTP_PORTS.contains(port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Integer containerPort(YNode item) {
        String spec = item instanceof YMap m ? m.getText("target") : item instanceof YScalar sc ? sc.value() : null;
        if (spec == null) {
            return null;
        }
        String t = spec.strip();
        int slash = t.indexOf('/');
        t = slash >= 0 ? t.substring(0, slash) : t;
        t = t.substring(t.lastIndexOf(':') + 1);
        int dash = t.indexOf('-');
        try {
            return Integer.parseInt(dash > 0 ? t.substring(0, dash) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
