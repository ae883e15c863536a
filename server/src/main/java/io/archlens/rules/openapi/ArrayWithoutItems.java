package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YScalar;

/** {@code type: array} without {@code items} (required by Swagger 2.0 and OpenAPI 3.0; untyped in 3.1). */
public final class ArrayWithoutItems implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/array-without-items",
            "Array schema does not say what it holds", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        SchemaMaps.forEach(doc, m -> {
            YEntry t = m.entry("type");
            if (t != null && t.value() instanceof YScalar s && "array".equals(s.value()) && !m.has("items")
                    && !m.has("$ref")) {
                ctx.report(t.value().range(), "This array schema has no items (required up to OpenAPI 3.0, and in 3.1"
                        + " an array of anything): validators and generated code cannot type the elements; add items"
                        + " with the element schema");
            }
        });
    }
}
