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
        YMap schemes = doc.section("securitySchemes");
        if (schemes == null || schemes.entries().isEmpty()) {
            return; // openapi/no-security-schemes reports the cause once; every operation lacking it is its effect
        }
        PerOperation misses = new PerOperation();
        for (Operation op : doc.operations()) {
            if (Oas.security(doc, op) == null) {
                misses.add(op.methodRange(), op.label(), op.label() + " has no security requirement and no"
                        + " document-level one: it is unauthenticated, by design or by omission; add security (or"
                        + " security: [] to state that it is public on purpose)");
            }
        }
        misses.report(doc, ctx, "have no security requirement and there is no document-level one: they are"
                + " unauthenticated, by design or by omission; require the scheme once at the top level (security:) and"
                + " mark public operations with security: []");
    }
}
