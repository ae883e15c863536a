package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import java.util.ArrayList;
import java.util.List;

/** Local {@code $ref}s ({@code #/...}) that point at nothing in this file. References to other files are not followed. */
public final class UnresolvedRef implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/unresolved-ref",
            "$ref points at nothing", Severity.ERROR, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        List<Object[]> bad = new ArrayList<>();
        Refs.forEach(doc.root(), (owner, ref) -> {
            String v = ref.value().strip();
            if (v.startsWith("#") && doc.resolve(v) == null) {
                bad.add(new Object[] {ref.range(), v});
            }
        });
        bad.sort((a, b) -> ((TextRange) a[0]).compareTo((TextRange) b[0]));
        for (Object[] b : bad) {
            ctx.report((TextRange) b[0], "$ref " + b[1] + " does not resolve in this document: validators and code"
                    + " generators fail on it and the schema it should describe is unknown; fix the path or add the"
                    + " component");
        }
    }
}
