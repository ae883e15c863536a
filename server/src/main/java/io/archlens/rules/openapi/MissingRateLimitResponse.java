package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import java.util.Locale;

/** Public (unauthenticated) operations with no 429 response and no rate-limit headers. */
public final class MissingRateLimitResponse implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/missing-rate-limit-response",
            "Public operation documents no rate limiting", Severity.INFO, Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** Where the headers would go: the first success response (its headers), else the responses key. */
    private static TextRange where(Operation op) {
        for (YEntry r : Oas.responses(op)) {
            if (Oas.isSuccess(r.keyText())) {
                YEntry headers = r.value() instanceof YMap rm ? rm.entry("headers") : null;
                return headers != null ? headers.key().range() : r.key().range();
            }
        }
        return op.map().entry("responses").key().range();
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        for (Operation op : doc.operations()) {
            if (!Oas.isPublic(doc, op) || op.responses() == null) {
                continue;
            }
            boolean limited = false;
            for (YEntry r : Oas.responses(op)) {
                if ("429".equals(r.keyText())) {
                    limited = true;
                }
                if (doc.deref(r.value()) instanceof YMap rm && rm.get("headers") instanceof YMap h) {
                    for (YEntry he : h.entries()) {
                        String n = he.keyText() == null ? "" : he.keyText().toLowerCase(Locale.ROOT);
                        if (n.startsWith("ratelimit") || n.startsWith("x-ratelimit") || n.startsWith("x-rate-limit")
                                || n.equals("retry-after")) {
                            limited = true;
                        }
                    }
                }
            }
            if (!limited) {
                misses.add(where(op), op.label(), op.label() + " is public but"
                        + " documents no 429 response or rate-limit headers: nothing tells clients (or reviewers) that"
                        + " abuse and scraping are throttled; document 429 with Retry-After / RateLimit headers and"
                        + " enforce it at the gateway");
            }
        }
        misses.report(doc, ctx, "are public but document no 429 response or rate-limit headers; describe the limit once"
                + " (a shared 429 response with Retry-After / RateLimit headers) and enforce it at the gateway");
    }
}
