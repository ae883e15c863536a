package io.archlens.rules.arch;

import io.archlens.model.FileFacts;
import io.archlens.model.SourceFacts.ApiOp;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which OpenAPI documents describe a workload's API: those under its build context (read from files: the spec
 * ships with the code), else a document of the project whose server URL names the workload (an assumption the
 * message states). A workload whose code declares no route has none.
 */
final class ApiSpecs {
    /** A spec and whether it is bound by its location (true) or by its server URL naming the workload (false). */
    record Spec(FileFacts file, boolean bound) {
        String assumption(Node n) {
            return bound ? "" : " (assumed to describe " + n.name() + ": its server URL names it)";
        }
    }

    private ApiSpecs() {
    }

    static List<Spec> of(SystemModel model, Node n) {
        List<Spec> out = new ArrayList<>();
        for (FileFacts f : n.binding().specs()) {
            if (!f.api().ops().isEmpty()) {
                out.add(new Spec(f, true));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        List<String> names = new ArrayList<>();
        names.add(n.name().toLowerCase(Locale.ROOT));
        for (var s : model.servicesSelecting(n)) {
            names.add(s.name().toLowerCase(Locale.ROOT));
        }
        for (FileFacts f : model.files()) {
            if (f.api() == null || f.api().ops().isEmpty() || !model.nodesUsing(f).isEmpty()) {
                continue;
            }
            for (String h : f.api().hosts()) {
                String first = h.split("\\.")[0];
                if (names.contains(first)) {
                    out.add(new Spec(f, false));
                    break;
                }
            }
        }
        return out;
    }

    /** True when some full path of the op matches the route's (same method or any). */
    static boolean served(Spec s, ApiOp op, Routes.Served r) {
        if (!Routes.methodMatches(r.method(), op.method())) {
            return false;
        }
        for (String p : Routes.fullPaths(s.file(), op)) {
            if (Routes.at(r, p, Routes::sameShape)) {
                return true;
            }
        }
        return false;
    }

    static boolean samePath(Spec s, ApiOp op, Routes.Served r) {
        for (String p : Routes.fullPaths(s.file(), op)) {
            if (Routes.at(r, p, Routes::sameShape)) {
                return true;
            }
        }
        return false;
    }
}
