package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import java.util.HashMap;
import java.util.Map;

/** The same operationId on two operations. */
public final class DuplicateOperationId implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/duplicate-operation-id",
            "operationId is used by more than one operation", Severity.ERROR, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Map<String, Operation> first = new HashMap<>();
        for (Operation op : doc.operations()) {
            String id = op.text("operationId");
            if (id == null || id.isBlank()) {
                continue;
            }
            Operation prev = first.putIfAbsent(id, op);
            if (prev != null) {
                ctx.report(op.map().get("operationId").range(), "operationId " + id + " is also used by "
                        + prev.label() + ": the spec is invalid, code generators overwrite one method with the other"
                        + " and links to the operation are ambiguous; make it unique");
            }
        }
    }
}
