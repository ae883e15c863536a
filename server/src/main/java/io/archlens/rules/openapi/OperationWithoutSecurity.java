package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;

/**
 * Operations with no security requirement, neither their own nor a document-level one. An explicit
 * {@code security: []} marks an operation as public on purpose and is not reported.
 */
public final class OperationWithoutSecurity implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/operation-without-security",
            "Operation has no security requirement", Severity.WARNING, Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        for (Operation op : doc.operations()) {
            if (Oas.security(doc, op) == null) {
                ctx.report(op.methodRange(), op.label() + " has no security requirement and no document-level one:"
                        + " it is unauthenticated, by design or by omission; add security (or security: [] to"
                        + " state that it is public on purpose)");
            }
        }
    }
}
