package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Set;

/**
 * Examples and defaults that do not match their schema: schema {@code example}/{@code x-example}/{@code default},
 * media type and parameter {@code example}, {@code examples.*.value}, and Swagger 2.0 response {@code examples}.
 * The check covers type, nullability, enum, required and declared properties, closed objects, items, lengths,
 * bounds and patterns; formats and oneOf/anyOf are not judged.
 */
public final class ExampleMismatch implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/example-mismatch",
            "Example does not match its schema", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        Set<YMap> serverVariables = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        SchemaMaps.forEachMap(doc, m -> {
            if (m.get("url") instanceof YScalar && m.get("variables") instanceof YMap vars) {
                vars.entries().forEach(e -> serverVariables.add(e.value() instanceof YMap v ? v : null));
            }
        });
        SchemaMaps.forEach(doc, m -> {
            if (serverVariables.contains(m)) {
                return; // enum/default of a server variable: openapi/invalid-server-variables
            }
            if (m.get("schema") instanceof YMap schema) {
                check(doc, m.get("example"), schema, ctx);
                check(doc, m.get("x-example"), schema, ctx);
                if (m.get("examples") instanceof YMap ex) {
                    for (YEntry e : ex.entries()) {
                        YNode v = doc.swagger2() ? e.value() : e.value() instanceof YMap em ? em.get("value") : null;
                        check(doc, v, schema, ctx);
                    }
                }
            } else if (SchemaCheck.isSchema(m)) {
                for (String k : new String[] {"example", "x-example", "default"}) {
                    check(doc, m.get(k), m, ctx);
                }
            }
        });
    }

    private static void check(OpenApiDoc doc, YNode value, YMap schema, RuleContext ctx) {
        if (value == null) {
            return;
        }
        String problem = new SchemaCheck(doc).problem(value, schema, "", 0);
        if (problem != null) {
            ctx.report(value.range(), "This example does not match its schema (" + problem + "): documentation,"
                    + " mock servers and contract tests show or send a payload the API rejects; fix the example or"
                    + " the schema");
        }
    }
}
