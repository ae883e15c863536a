package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SourceFacts.ApiOp;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The code serves a route its OpenAPI document does not describe (or describes with another method): clients
 * generated from the spec cannot call it, and reviewers of the spec do not see it. Health, metrics, profiling and
 * documentation paths ({@code /healthz}, {@code /metrics}, {@code /swagger/*}) and catch-alls are left out: a spec is
 * not expected to describe them; so are routes outside the API the document describes ({@link #inScope}).
 */
public final class RouteNotDocumented implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/route-not-documented",
            "The code serves a route the service's OpenAPI document does not describe", Severity.WARNING,
            Category.MAINTAINABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            List<Routes.Served> routes = Routes.served(n);
            if (routes.isEmpty()) {
                continue;
            }
            for (ApiSpecs.Spec s : ApiSpecs.of(model, n)) {
                for (Routes.Served r : routes) {
                    if (!infrastructure(r.path()) && !catchAll(r.path()) && inScope(s, r)) {
                        check(s, n, r, out);
                    }
                }
            }
        }
    }

    /** Paths a service serves for its operators and tools, which an API document is not expected to describe. */
    private static final java.util.regex.Pattern INFRA = java.util.regex.Pattern.compile(
            "(?i)/(swagger|swagger-ui|docs|redoc|openapi|api-docs|v\\d+/api-docs|health|healthz|healthcheck|health-check"
            + "|livez|readyz|ready|live|liveness|readiness|ping|metrics|prometheus|favicon\\.ico|debug/pprof|actuator)"
            + "([./].*)?");

    static boolean infrastructure(String path) {
        return INFRA.matcher(path).matches();
    }

    /**
     * Whether the route belongs to the API the document describes: under one of its server paths when it declares
     * any ({@code servers: [{url: /b2b/v2}]} describes /b2b/v2/..., not the service's /rest/... routes), else under
     * the first path segment of one of its operations. A document that describes one API of a service is not a
     * claim about the others. (A route declared on a router mounted elsewhere is judged by its declared path: which
     * mount it sits under is not known, so it may be left out, never wrongly put in.)
     */
    static boolean inScope(ApiSpecs.Spec s, Routes.Served r) {
        List<String> prefixes = new ArrayList<>();
        for (String p : s.file().api().prefixes()) {
            if (!Routes.clean(p).isEmpty()) {
                prefixes.add(Routes.clean(p));
            }
        }
        String path = r.path();
        if (!prefixes.isEmpty()) {
            for (String p : prefixes) {
                if (under(path, p)) {
                    return true;
                }
            }
            return false;
        }
        String first = firstSegment(path);
        for (ApiOp op : s.file().api().ops()) {
            String f = firstSegment(Routes.clean(op.path()));
            if (f.equalsIgnoreCase(first) || Routes.param(f) || Routes.param(first)) {
                return true;
            }
        }
        return r.mounts().any();
    }

    private static boolean under(String path, String prefix) {
        String a = path.toLowerCase(java.util.Locale.ROOT);
        String b = prefix.toLowerCase(java.util.Locale.ROOT);
        return a.equals(b) || a.startsWith(b + "/");
    }

    /** {@code app.options("*", cors())}, {@code /**}: a catch-all, not an operation a document lists. */
    private static boolean catchAll(String path) {
        return path.isEmpty() || path.equals("/*") || path.equals("*") || path.equals("/**") || path.equals("/(.*)");
    }

    private static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }

    private static void check(ApiSpecs.Spec s, Node n, Routes.Served r, ProjectReporter out) {
        List<ApiOp> samePath = new ArrayList<>();
        for (ApiOp op : s.file().api().ops()) {
            if (ApiSpecs.served(s, op, r)) {
                return;
            }
            if (ApiSpecs.samePath(s, op, r)) {
                samePath.add(op);
            }
        }
        List<Related> rel = new ArrayList<>();
        String what;
        if (!samePath.isEmpty()) {
            for (ApiOp op : samePath) {
                rel.add(op.loc().related(s.file().path() + " documents " + op.method() + " " + op.path()));
            }
            what = " documents " + Routes.show(samePath.get(0).path()) + " only for " + samePath.stream()
                    .map(ApiOp::method).distinct().toList();
        } else {
            rel.add(SystemModel.top(s.file()).related(s.file().path() + " (" + s.file().api().ops().size()
                    + " operations) describes " + n.name() + "'s API"));
            what = " does not describe it";
        }
        String msg = n.name() + " serves " + r.method().replace("*", "any method") + " " + Routes.show(r.path())
                + " (" + r.at().fact().handler() + ") but its OpenAPI document " + s.file().path() + what
                + s.assumption(n) + "; clients built from the spec cannot call it, document the operation or remove"
                + " the route";
        out.warn(r.at().loc(), msg, rel);
    }
}
