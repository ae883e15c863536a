package io.archlens.rules.arch;

import io.archlens.code.Route;
import io.archlens.model.CodeView;
import io.archlens.model.Facts.Prop;
import io.archlens.model.FileFacts;
import io.archlens.model.SourceFacts.ApiOp;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Paths of routes, specs and probes, compared segment by segment (parameters match any one segment). */
final class Routes {
    private Routes() {
    }

    /**
     * A route of the code with its path as far as it is known (servlet context path included), and the prefixes the
     * workload's code mounts routers under ({@link io.archlens.code.Mount}): where there are any, the declared path
     * may be only the tail of the path clients call.
     */
    record Served(String method, String path, CodeView.At<Route> at, Mounts mounts) {
    }

    /** The mount prefixes of a workload's code (cleaned), and whether one of them is computed (not known here). */
    record Mounts(List<String> known, boolean unknown) {
        static final Mounts NONE = new Mounts(List.of(), false);

        boolean any() {
            return unknown || !known.isEmpty();
        }
    }

    /** The workload's routes with their full paths; empty when the code declares none or it runs tests. */
    static List<Served> served(Node n) {
        String ctx = n.binding().spring() ? clean(n.resolved(n.prop("server.servlet.contextpath"))) : "";
        List<CodeView.At<Route>> routes = CodeView.routes(n);
        if (routes.isEmpty() || TestRunners.runsTests(n)) {
            return List.of(); // a test runner builds from the application's folder but serves none of its routes
        }
        List<String> known = new ArrayList<>();
        boolean unknown = false;
        for (CodeView.At<io.archlens.code.Mount> m : CodeView.mounts(n)) {
            if (m.fact().prefix() == null) {
                unknown = true;
            } else if (!clean(m.fact().prefix()).isEmpty()) {
                known.add(clean(m.fact().prefix()));
            }
        }
        Mounts mounts = unknown || !known.isEmpty() ? new Mounts(List.copyOf(known), unknown) : Mounts.NONE;
        List<Served> out = new ArrayList<>();
        for (CodeView.At<Route> r : routes) {
            out.add(new Served(r.fact().method().toUpperCase(Locale.ROOT), clean(ctx + "/" + r.fact().path()), r,
                    mounts));
        }
        return out;
    }

    /**
     * Whether {@code path} (a probe's, a spec's full path) is this route's path under {@code same}'s comparison,
     * either as declared or, where the code mounts routers under prefixes, as the tail of {@code path} after a mount
     * prefix: a known one (or two nested), or any when a prefix is computed.
     */
    static boolean at(Served r, String path, java.util.function.BiPredicate<String, String> same) {
        if (same.test(path, r.path())) {
            return true;
        }
        if (!r.mounts().any()) {
            return false;
        }
        if (r.path().isEmpty()) {
            // a router's own root (@router.get("")) serves the path it is mounted at
            if (r.mounts().unknown()) {
                return true;
            }
            for (String a : r.mounts().known()) {
                if (same.test(path, a)) {
                    return true;
                }
                for (String b : r.mounts().known()) {
                    if (same.test(path, clean(a + "/" + b))) {
                        return true;
                    }
                }
            }
            return false;
        }
        String[] p = path.split("/", -1);
        int k = r.path().split("/", -1).length - 1;
        if (p.length - 1 <= k) {
            return false;
        }
        String tail = "/" + String.join("/", java.util.Arrays.copyOfRange(p, p.length - k, p.length));
        if (!same.test(tail, r.path())) {
            return false;
        }
        if (r.mounts().unknown()) {
            return true;
        }
        String head = String.join("/", java.util.Arrays.copyOfRange(p, 0, p.length - k));
        for (String a : r.mounts().known()) {
            if (matches(a, head)) {
                return true;
            }
            for (String b : r.mounts().known()) {
                if (matches(clean(a + "/" + b), head)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The operations of a spec with their full paths, for each server path prefix. */
    static List<String> fullPaths(FileFacts spec, ApiOp op) {
        List<String> out = new ArrayList<>();
        for (String p : spec.api().prefixes()) {
            out.add(clean(p + "/" + op.path()));
        }
        if (!spec.api().prefixes().contains("")) {
            out.add(clean(op.path()));
        }
        return out;
    }

    /** {@code /orders/{id}/} -> {@code /orders/{id}}; double slashes folded; "" for null. */
    static String clean(String p) {
        if (p == null || p.isBlank()) {
            return "";
        }
        String s = ("/" + p.strip()).replaceAll("/+", "/");
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals("/") ? "" : s;
    }

    /** Segment match: {@code {x}} / {@code :x} / {@code <x>} match one segment, {@code **} the rest. */
    static boolean matches(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if (i < x.length && x[i].equals("**") || i < y.length && y[i].equals("**")) {
                return true;
            }
            if (i >= x.length || i >= y.length) {
                return false;
            }
            if (!(param(x[i]) || param(y[i]) || x[i].equalsIgnoreCase(y[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #matches} but parameters match only parameters (spec against code: the same shape). */
    static boolean sameShape(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i].equals("**") || y[i].equals("**")) {
                return true; // the rest of the path, whatever its length
            }
            if (param(x[i]) != param(y[i]) || !param(x[i]) && !x[i].equalsIgnoreCase(y[i])) {
                return false;
            }
        }
        int n = Math.min(x.length, y.length);
        return x.length == y.length || x.length > n && x[n].equals("**") || y.length > n && y[n].equals("**");
    }

    static boolean param(String seg) {
        return seg.startsWith("{") && seg.endsWith("}") || seg.startsWith(":") || seg.startsWith("<") && seg.endsWith(">")
                || seg.equals("*");
    }

    static boolean methodMatches(String route, String op) {
        return route.equals("*") || route.equalsIgnoreCase(op);
    }

    /** The actuator's base path when the workload is a Spring application (else null). */
    static String actuator(Node n) {
        if (!n.binding().spring()) {
            return null;
        }
        Prop base = n.prop("management.endpoints.web.basepath");
        String b = base == null ? "/actuator" : clean(n.resolved(base));
        String ctx = n.prop("management.server.port") != null ? "" : clean(n.resolved(n.prop("server.servlet.contextpath")));
        return ctx + b;
    }

    /** "Orders.java:12, Items.java:30" style list of where routes are, at most three, as related locations. */
    static List<io.archlens.analysis.Related> related(List<Served> routes, String message) {
        List<io.archlens.analysis.Related> out = new ArrayList<>();
        for (Served s : routes) {
            if (out.size() == 3) {
                break;
            }
            out.add(s.at().loc().related(message + ": " + s.method() + " " + (s.path().isEmpty() ? "/" : s.path())));
        }
        return out;
    }

    static String show(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
