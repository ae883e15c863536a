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

/**
 * Strict: error responses (4xx, 5xx) documented without a body ({@code content} in 3.x, {@code schema} in 2.0): the
 * status is known but not what the client receives with it. HEAD operations never have a body and are skipped.
 */
public final class ErrorResponseWithoutBody implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/error-response-without-body",
            "Error response documents no body", Severity.INFO, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        int errors = 0;
        for (Operation op : doc.operations()) {
            if (op.method().equals("head")) {
                continue;
            }
            for (YEntry r : Oas.responses(op)) {
                String code = r.keyText();
                if (code == null || !(code.startsWith("4") || code.startsWith("5"))
                        || !(doc.deref(r.value()) instanceof YMap rm)) {
                    continue;
                }
                errors++;
                boolean body = doc.swagger2() ? rm.has("schema")
                        : rm.get("content") instanceof YMap c && !c.entries().isEmpty();
                if (!body) {
                    misses.add(r.key().range(), op.label() + " " + code, op.label() + " documents " + code
                            + " without a body: clients cannot parse what comes with it (a problem+json, a message"
                            + " field?) and contract tests cannot check it; reference the shared error schema");
                }
            }
        }
        misses.report(ctx, "are documented without a body: clients cannot parse what comes with them and contract"
                + " tests cannot check it; define one error response (RFC 9457 problem+json) in components and"
                + " reference it", errors, "error responses");
    }
}
