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

/** An operation whose responses list no 2xx or 3xx status. */
public final class NoSuccessResponse implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/no-success-response",
            "Operation documents no success response", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        for (Operation op : doc.operations()) {
            YEntry re = op.map().entry("responses");
            if (re == null || !(re.value() instanceof YMap r)) {
                continue;
            }
            boolean ok = false;
            for (YEntry e : r.entries()) {
                String k = e.keyText();
                ok |= k != null && (k.startsWith("2") || k.startsWith("3"));
            }
            if (!ok) {
                ctx.report(re.key().range(), op.label() + " documents no 2xx or 3xx response: clients and generated"
                        + " code have no type for a successful call; document what success returns");
            }
        }
    }
}
