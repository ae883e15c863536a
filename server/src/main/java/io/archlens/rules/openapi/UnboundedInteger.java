package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict: integer schemas with no lower or no upper bound ({@code minimum}/{@code maximum}, or 3.1's numeric
 * {@code exclusiveMinimum}/{@code exclusiveMaximum}); the message adds a missing {@code format} (int32/int64).
 */
public final class UnboundedInteger implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/unbounded-integer",
            "Integer schema has no minimum or maximum", Severity.INFO, Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        List<SchemaMaps.Typed> ints = SchemaMaps.ofType(doc, "integer");
        PerOperation misses = new PerOperation();
        for (SchemaMaps.Typed t : ints) {
            YMap s = t.schema();
            if (s.has("enum") || s.has("const") || t.readOnly()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!bound(s, "minimum", "exclusiveMinimum")) {
                missing.add("minimum");
            }
            if (!bound(s, "maximum", "exclusiveMaximum")) {
                missing.add("maximum");
            }
            if (missing.isEmpty()) {
                continue;
            }
            String what = String.join(" or ", missing) + (s.has("format") ? "" : " (nor a format: int32 or int64)");
            String name = t.key() == null ? "This integer schema" : "Integer " + t.key();
            misses.add(s.entry("type").key().range(), t.key() == null ? "integer" : t.key(), name + " has no " + what
                    + ": clients may send negative or huge values (a page size of 10^9, an overflow in a 32-bit"
                    + " column); state the range the API accepts");
        }
        misses.report(ctx, "have no minimum or maximum: clients may send negative or huge values (a page size of"
                + " 10^9, an overflow in a 32-bit column); state the range each accepts", ints.size(),
                "integer schemas");
    }

    /** An inclusive bound, or an exclusive one given as a number (3.1; in 2.0/3.0 it is a boolean flag). */
    private static boolean bound(YMap s, String inclusive, String exclusive) {
        if (s.has(inclusive)) {
            return true;
        }
        YNode e = s.get(exclusive);
        return e instanceof YScalar sc && isNumber(sc.value());
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
