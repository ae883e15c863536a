package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YMap;
import java.util.List;

/**
 * Strict: every array schema of the spec with no {@code maxItems}. {@code openapi/unbounded-array-response} judges
 * unpaginated list endpoints in every profile; this is the contract-wide limit check.
 */
public final class UnboundedArraySchema implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/unbounded-array-schema",
            "Array schema has no maxItems", Severity.INFO, Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        List<SchemaMaps.Typed> arrays = SchemaMaps.ofType(doc, "array");
        PerOperation misses = new PerOperation();
        for (SchemaMaps.Typed t : arrays) {
            YMap s = t.schema();
            if (s.has("maxItems") || s.has("enum") || s.has("const") || t.readOnly()) {
                continue;
            }
            String name = t.key() == null ? "This array schema" : "Array " + t.key();
            misses.add(s.entry("type").key().range(), t.key() == null ? "array" : t.key(), name + " has no maxItems:"
                    + " a request may carry (and a response return) any number of items, each one parsed, validated"
                    + " and stored; give it a maxItems");
        }
        misses.report(ctx, "have no maxItems: requests may carry (and responses return) any number of items; give"
                + " each a maxItems (the most a client may send or receive at once)", arrays.size(), "array schemas");
    }
}
