package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;

/** Operations with neither {@code description} nor {@code summary}. */
public final class MissingOperationDescription implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/missing-operation-description",
            "Operation has no description", Severity.INFO, Category.MAINTAINABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        for (Operation op : doc.operations()) {
            if (op.text("description") == null && op.text("summary") == null) {
                misses.add(op.methodRange(), op.label(), op.label() + " has neither description nor summary:"
                        + " generated docs, client SDKs and editor hovers show nothing about what it does, its side"
                        + " effects or its errors; describe it");
            }
        }
        misses.report(doc, ctx, "have neither description nor summary: generated docs, client SDKs and editor hovers"
                + " show nothing about what they do; describe them");
    }
}
