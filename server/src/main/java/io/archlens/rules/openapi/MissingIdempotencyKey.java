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
import java.util.regex.Pattern;

/**
 * POST/PATCH operations that move money (payments, refunds, transfers, orders...) or create resources (201)
 * without an {@code Idempotency-Key} header: a retried request after a timeout does it twice.
 */
public final class MissingIdempotencyKey implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/missing-idempotency-key",
            "Create or payment operation has no idempotency key", Severity.WARNING, Category.RELIABILITY,
            FileKind.OPENAPI);

    private static final Pattern MONEY = Pattern.compile("(?i)\\b(?:pay(?:ment|out)?|charge|refund|transfer|checkout"
            + "|order|invoice|transaction|withdraw(?:al)?|deposit|capture|purchase|subscription|billing|wallet)s?\\b");

    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern KEY_HEADER = Pattern.compile("(?i)(x-)?idempotency[-_]key");

    /** Operations named like these are idempotent by nature (repeating them changes nothing more). */
    private static final Pattern NOT_CREATING = Pattern.compile("(?i)^(delete|cancel|remove|get|list|search|find"
            + "|validate|preview|estimate|calculate|quote)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        int candidates = 0;
        for (Operation op : doc.operations()) {
            if (!op.method().equals("post") && !op.method().equals("patch")
                    || op.path().toLowerCase().contains("webhook") || op.path().toLowerCase().contains("callback")) {
                continue; // webhooks are deduplicated by the sender's event id, not by a client key
            }
            String words = HUMP.matcher(op.path() + " " + nz(op.text("operationId")) + " " + nz(op.text("summary")))
                    .replaceAll("$1 $2").replace('_', ' ');
            boolean money = MONEY.matcher(words).find() && !NOT_CREATING.matcher(nz(op.text("operationId"))).find();
            boolean creates = false;
            for (YEntry r : Oas.responses(op)) {
                creates |= "201".equals(r.keyText());
            }
            if (!money && !(creates && op.method().equals("post"))) {
                continue;
            }
            candidates++;
            if (hasKey(doc, op)) {
                continue;
            }
            misses.add(op.methodRange(), op.label(), op.label() + (money ? " moves money or creates an order" : " creates a"
                    + " resource") + " but takes no Idempotency-Key header: a client retrying after a timeout cannot"
                    + " tell whether the first call succeeded and may " + (money ? "charge twice" : "create a"
                    + " duplicate") + "; accept an Idempotency-Key header and replay the stored response");
        }
        misses.report(ctx, "take no Idempotency-Key header: a client retrying after a timeout cannot tell whether the"
                + " first call succeeded and may create duplicates or charge twice; accept an Idempotency-Key header"
                + " (one shared header parameter in components) and replay the stored response", candidates,
                "creating or payment operations");
    }

    private static boolean hasKey(OpenApiDoc doc, Operation op) {
        for (YMap p : doc.parameters(op)) {
            String name = p.getText("name");
            if ("header".equals(p.getText("in")) && name != null && KEY_HEADER.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
