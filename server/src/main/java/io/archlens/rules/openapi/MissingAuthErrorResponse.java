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
import java.util.Locale;

/**
 * Secured operations that document their errors but not 401 (nor {@code 4XX} or {@code default}): the one failure
 * every client of a secured API meets, an expired or missing token, is left out of the contract. Operations that
 * document no error at all are {@code openapi/missing-error-responses}'s.
 */
public final class MissingAuthErrorResponse implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/missing-auth-error-response",
            "Secured operation does not document 401", Severity.INFO, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        int secured = 0;
        for (Operation op : doc.operations()) {
            if (Oas.isPublic(doc, op)) {
                continue;
            }
            secured++;
            boolean errors = false;
            boolean unauthorized = false;
            for (YEntry r : Oas.responses(op)) {
                String code = String.valueOf(r.keyText()).toUpperCase(Locale.ROOT);
                errors |= Oas.isError(code);
                unauthorized |= code.equals("401") || code.equals("4XX") || code.equals("DEFAULT");
            }
            YEntry responses = op.map().entry("responses");
            if (errors && !unauthorized && responses != null && responses.value() instanceof YMap) {
                misses.add(responses.key().range(), op.label(), op.label() + " requires credentials but documents no"
                        + " 401: clients cannot tell an expired or missing token from other failures, so they do not"
                        + " refresh and retry; document 401 (and 403 where scopes or roles apply) with the error schema");
            }
        }
        misses.report(ctx, "require credentials but document no 401: clients cannot tell an expired or missing token"
                + " from other failures; document 401 (and 403) once as shared responses and reference them",
                secured, "secured operations");
    }
}
