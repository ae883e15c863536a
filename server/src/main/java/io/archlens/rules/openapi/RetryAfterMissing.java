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

/** 429 responses that do not document a {@code Retry-After} header. */
public final class RetryAfterMissing implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/retry-after-missing",
            "429 response does not say when to retry", Severity.INFO, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        int limited = 0;
        for (Operation op : doc.operations()) {
            for (YEntry r : Oas.responses(op)) {
                if (!"429".equals(r.keyText()) || !(doc.deref(r.value()) instanceof YMap rm)) {
                    continue;
                }
                limited++;
                boolean retryAfter = false;
                if (rm.get("headers") instanceof YMap h) {
                    for (YEntry he : h.entries()) {
                        retryAfter |= he.keyText() != null && he.keyText().toLowerCase(Locale.ROOT).equals("retry-after");
                    }
                }
                if (!retryAfter) {
                    YEntry headers = rm == r.value() ? rm.entry("headers") : null;
                    misses.add(headers != null ? headers.key().range() : r.key().range(), op.label(), op.label()
                            + " documents 429 without a Retry-After header:"
                            + " clients retry at once and in lockstep, which keeps them throttled; document (and send)"
                            + " Retry-After");
                }
            }
        }
        misses.report(ctx, "document 429 without a Retry-After header: clients retry at once and in lockstep; document"
                + " (and send) Retry-After, once in a shared 429 response", limited, "rate-limited operations");
    }
}
