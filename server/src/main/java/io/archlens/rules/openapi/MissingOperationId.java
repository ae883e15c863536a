package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Operations without {@code operationId}. The fix derives one from the method and path. */
public final class MissingOperationId implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/missing-operation-id",
            "Operation has no operationId", Severity.WARNING, Category.MAINTAINABILITY, FileKind.OPENAPI).withFix();

    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^A-Za-z0-9]+");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Set<String> ids = new HashSet<>();
        for (Operation op : doc.operations()) {
            if (op.text("operationId") != null) {
                ids.add(op.text("operationId"));
            }
        }
        for (Operation op : doc.operations()) {
            if (op.map().has("operationId")) {
                continue;
            }
            String id = derive(op);
            String unique = id;
            for (int i = 2; ids.contains(unique); i++) {
                unique = id + i;
            }
            ids.add(unique);
            String msg = op.label() + " has no operationId: generated clients get unstable names derived from the"
                    + " path, and docs, mocks and gateways cannot refer to it; add operationId: " + unique;
            YEntry after = op.map().entry("summary") != null ? op.map().entry("summary") : op.map().entry("tags");
            String tpl = "operationId: " + unique;
            Edit e = op.map().entries().isEmpty() ? null : after != null
                    ? doc.edits().insertEntriesAfter(op.map(), after, tpl) : doc.edits().insertEntries(op.map(), tpl);
            if (e == null) {
                ctx.report(op.methodRange(), msg);
            } else {
                ctx.report(op.methodRange(), msg, Fix.safe("Add operationId: " + unique, e));
            }
        }
    }

    /** GET /orders/{orderId}/items -> getOrdersItemsByOrderId. */
    static String derive(Operation op) {
        StringBuilder words = new StringBuilder(op.method().toLowerCase(Locale.ROOT));
        StringBuilder by = new StringBuilder();
        for (String seg : op.path().split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            boolean param = seg.startsWith("{") && seg.endsWith("}");
            String name = param ? seg.substring(1, seg.length() - 1) : seg;
            StringBuilder target = param ? by : words;
            for (String w : NON_WORD.split(name)) {
                if (!w.isEmpty()) {
                    target.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
                }
            }
        }
        return by.length() == 0 ? words.toString() : words + "By" + by;
    }
}
