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

/** Operations that document only success: no 4xx, 5xx or {@code default} response. */
public final class MissingErrorResponses implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/missing-error-responses",
            "Operation documents no error responses", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        for (Operation op : doc.operations()) {
            boolean error = false;
            for (YEntry r : Oas.responses(op)) {
                error |= Oas.isError(r.keyText());
            }
            if (!error) {
                YEntry responses = op.map().entry("responses");
                misses.add(responses != null ? responses.key().range() : op.methodRange(), op.label(), op.label()
                        + " documents no 4xx/5xx (or default) response: clients cannot know the error format or which"
                        + " failures to retry; document at least 400/401/404/500 with a shared error schema");
            }
        }
        misses.report(doc, ctx, "document no 4xx/5xx (or default) response: clients cannot know the error format or"
                + " which failures to retry; document the errors once (a shared error response in components, referenced"
                + " by every operation)");
    }
}
