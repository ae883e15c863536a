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
 * An operation of a service's OpenAPI document that no route of its code serves (or serves with another method
 * or another path shape): clients following the spec get 404 or 405.
 */
public final class RouteNotServed implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/route-not-served",
            "The OpenAPI document describes an operation the service's code does not serve", Severity.ERROR,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            List<Routes.Served> routes = Routes.served(n);
            if (routes.isEmpty()) {
                continue; // routes declared some way the code facts do not see (or none at all): nothing to compare
            }
            for (ApiSpecs.Spec s : ApiSpecs.of(model, n)) {
                for (ApiOp op : s.file().api().ops()) {
                    check(s, n, op, routes, out);
                }
            }
        }
    }

    private static void check(ApiSpecs.Spec s, Node n, ApiOp op, List<Routes.Served> routes, ProjectReporter out) {
        List<Routes.Served> samePath = new ArrayList<>();
        for (Routes.Served r : routes) {
            if (ApiSpecs.served(s, op, r)) {
                return;
            }
            if (ApiSpecs.samePath(s, op, r)) {
                samePath.add(r);
            }
        }
        List<Related> rel;
        String what;
        if (!samePath.isEmpty()) {
            rel = Routes.related(samePath, "the code serves");
            what = "serves " + Routes.show(samePath.get(0).path()) + " only for " + samePath.stream()
                    .map(Routes.Served::method).distinct().toList() + "; clients get 405";
        } else {
            rel = Routes.related(routes, n.name() + " serves");
            what = "serves no route of that shape (" + routes.size() + " routes); clients get 404";
        }
        String msg = "The spec documents " + op.method() + " " + op.path() + " but the code " + n.name() + " runs "
                + what + s.assumption(n) + "; implement it or remove it from the spec";
        if (s.bound()) {
            out.report(op.loc(), msg, rel);
        } else {
            out.warn(op.loc(), msg, rel);
        }
    }
}
