package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path templates and path parameters that do not agree: a {@code {name}} no parameter declares, a path parameter
 * the path does not contain, a path parameter not marked required, an empty {@code {}}, the same name twice in a
 * path, or a query string written into the path key.
 */
public final class PathParameterMismatch implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/path-parameter-mismatch",
            "Path template and path parameters disagree", Severity.ERROR, Category.RELIABILITY, FileKind.OPENAPI);
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]*)}");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null || !(doc.root().get("paths") instanceof YMap paths)) {
            return;
        }
        Map<String, String> shapes = new HashMap<>();
        for (YEntry pe : paths.entries()) {
            String path = pe.keyText();
            if (path == null || !path.startsWith("/")) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            Matcher m = TEMPLATE.matcher(path);
            while (m.find()) {
                String n = name(m.group(1));
                if (n.isEmpty()) {
                    ctx.report(pe.key().range(), "Path " + path + " has an empty {}: no parameter can fill it;"
                            + " name the parameter");
                } else if (!names.add(n)) {
                    ctx.report(pe.key().range(), "Path " + path + " uses {" + n + "} twice: a request cannot bind"
                            + " two values to one parameter; rename one");
                }
            }
            if (path.indexOf('?') >= 0 && path.indexOf('?') > path.lastIndexOf('}')) {
                ctx.report(pe.key().range(), "Path " + path + " contains a query string: paths are matched without"
                        + " it, so the operation is unreachable as written; declare query parameters instead");
            }
            String shape = TEMPLATE.matcher(path).replaceAll("{}");
            String prev = shapes.putIfAbsent(shape, path);
            if (prev != null) {
                ctx.report(pe.key().range(), "Path " + path + " matches the same requests as " + prev + " (only the"
                        + " parameter names differ): a router cannot tell them apart; merge them");
            }
        }
        Set<YNode> paramsDone = new HashSet<>();
        for (Operation op : doc.operations()) {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = TEMPLATE.matcher(op.path());
            while (m.find()) {
                names.add(name(m.group(1)));
            }
            Map<String, YMap> declared = new HashMap<>();
            List<YNode> own = new ArrayList<>();
            for (YNode list : new YNode[] {op.get("parameters"), op.pathItem().get("parameters")}) {
                if (list instanceof YSeq s) {
                    for (YNode p : s.items()) {
                        if (doc.deref(p) instanceof YMap pm && "path".equals(pm.getText("in"))
                                && pm.getText("name") != null) {
                            declared.putIfAbsent(pm.getText("name"), pm);
                            own.add(p);
                        }
                    }
                }
            }
            for (String n : names) {
                if (!n.isEmpty() && !declared.containsKey(n)) {
                    ctx.report(op.methodRange(), op.label() + " does not declare the path parameter {" + n + "}:"
                            + " clients and generated code cannot fill it in; add a parameter with in: path,"
                            + " name: " + n + ", required: true");
                }
            }
            for (YNode p : own) {
                if (!paramsDone.add(p)) {
                    continue;
                }
                YMap pm = (YMap) doc.deref(p);
                String n = pm.getText("name");
                YNode at = p == pm ? pm.entry("name").value() : p;
                if (!names.contains(n)) {
                    ctx.report(at.range(), "Path parameter " + n + " is not in the path " + op.path()
                            + ": it can never be sent; remove it or add {" + n + "} to the path");
                } else if (!(pm.get("required") instanceof YScalar r && "true".equals(r.value()))) {
                    ctx.report(at.range(), "Path parameter " + n + " is not marked required: true, which"
                            + " the specification requires of every path parameter (a path cannot omit a segment)");
                }
            }
        }
    }

    /** The variable name of a template expression: RFC 6570 operators and modifiers removed ({@code ;id*}). */
    private static String name(String expr) {
        String n = expr.strip();
        while (!n.isEmpty() && "+#./;?&".indexOf(n.charAt(0)) >= 0) {
            n = n.substring(1);
        }
        int colon = n.indexOf(':');
        if (colon >= 0) {
            n = n.substring(0, colon);
        }
        return n.endsWith("*") ? n.substring(0, n.length() - 1) : n;
    }
}
