package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/** String properties of request bodies with no maxLength, pattern, format or enum. */
public final class UnboundedStringInput implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/unbounded-string-input",
            "Request string has no length limit or format", Severity.INFO, Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Set<Integer> reported = new HashSet<>();
        Set<Integer> strings = new HashSet<>();
        PerOperation misses = new PerOperation();
        int ops = 0;
        int opsWith = 0;
        for (Operation op : doc.operations()) {
            boolean[] here = new boolean[2]; // this operation sends strings, unbounded ones
            for (YMap body : Oas.requestSchemas(doc, op)) {
                Oas.walk(doc, body, (schema, prop) -> {
                    if (prop != null && "string".equals(Oas.type(schema))) {
                        strings.add(prop.key().range().start());
                        here[0] = true;
                    }
                    here[1] |= prop != null && unbounded(schema);
                    if (prop != null && unbounded(schema) && reported.add(prop.key().range().start())) {
                        misses.add(prop.key().range(), prop.keyText(), "Request property " + prop.keyText() + " is a"
                                + " string with no maxLength, pattern, format or enum: the API accepts megabytes of"
                                + " anything, which ends up in the database, logs and other systems; bound it");
                    }
                });
            }
            if (doc.swagger2()) {
                for (YMap p : doc.parameters(op)) {
                    if ("formData".equals(p.getText("in")) && "string".equals(Oas.type(p))) {
                        strings.add(p.entry("name").value().range().start());
                        here[0] = true;
                        here[1] |= unbounded(p);
                    }
                    if ("formData".equals(p.getText("in")) && unbounded(p)
                            && reported.add(p.entry("name").value().range().start())) {
                        misses.add(p.entry("name").value().range(), p.getText("name"), "Form field " + p.getText("name")
                                + " is a string with no maxLength, pattern, format or enum; bound it");
                    }
                }
            }
            ops += here[0] ? 1 : 0;
            opsWith += here[1] ? 1 : 0;
        }
        misses.report(ctx, "have no maxLength, pattern, format or enum: the API accepts megabytes of anything in"
                + " them; bound them (a shared string schema with a maxLength, referenced everywhere, is the usual"
                + " fix)", strings.size(), "request string properties", opsWith, ops, "operations sending strings");
    }

    /** The request strings this rule reports (schema maps, Swagger 2.0 formData parameters), for the strict rule. */
    static Set<YMap> reportedSchemas(OpenApiDoc doc) {
        Set<YMap> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Operation op : doc.operations()) {
            for (YMap body : Oas.requestSchemas(doc, op)) {
                Oas.walk(doc, body, (schema, prop) -> {
                    if (prop != null && unbounded(schema)) {
                        out.add(schema);
                    }
                });
            }
            if (doc.swagger2()) {
                for (YMap p : doc.parameters(op)) {
                    if ("formData".equals(p.getText("in")) && unbounded(p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    private static boolean unbounded(YMap s) {
        return "string".equals(Oas.type(s)) && !s.has("maxLength") && !s.has("pattern") && !s.has("format")
                && !s.has("enum") && !s.has("const") && !s.has("$ref");
    }
}
