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

    /** A route of the code with its full path (servlet context path included). */
    record Served(String method, String path, CodeView.At<Route> at) {
    }

    /** The workload's routes with their full paths; empty when the code declares none. */
    static List<Served> served(Node n) {
        String ctx = n.binding().spring() ? clean(n.resolved(n.prop("server.servlet.contextpath"))) : "";
        List<Served> out = new ArrayList<>();
        for (CodeView.At<Route> r : CodeView.routes(n)) {
            out.add(new Served(r.fact().method().toUpperCase(Locale.ROOT), clean(ctx + "/" + r.fact().path()), r));
        }
        return out;
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
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].equals("**") || y[i].equals("**")) {
                return true;
            }
            if (param(x[i]) != param(y[i]) || !param(x[i]) && !x[i].equalsIgnoreCase(y[i])) {
                return false;
            }
        }
        return true;
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
