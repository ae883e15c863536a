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
import java.util.Set;

/** GET operations returning a bare array with neither pagination parameters nor {@code maxItems}. */
public final class UnboundedArrayResponse implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/unbounded-array-response",
            "List endpoint returns an unbounded array", Severity.WARNING, Category.PERFORMANCE, FileKind.OPENAPI);

    static final Set<String> PAGING = Set.of("limit", "page", "per_page", "perpage", "pagesize", "page_size",
            "size", "cursor", "offset", "after", "before", "first", "last", "page[size]", "page[number]",
            "page[limit]", "page[cursor]", "pagetoken", "page_token", "max", "maxresults", "max_results", "top",
            "$top", "skip", "$skip", "count");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        int lists = 0;
        for (Operation op : doc.operations()) {
            if (!op.method().equals("get")) {
                continue;
            }
            boolean list = false;
            boolean unbounded = false;
            for (YEntry r : Oas.responses(op)) {
                if (Oas.isSuccess(r.keyText())) {
                    for (YMap s : Oas.responseSchemas(doc, r.value())) {
                        list |= Oas.isArray(s);
                        unbounded |= Oas.isArray(s) && !s.has("maxItems");
                    }
                }
            }
            lists += list ? 1 : 0;
            if (unbounded && !paged(doc, op)) {
                misses.add(op.methodRange(), op.label(), op.label() + " returns an array with no pagination parameter"
                        + " and no maxItems: as data grows every call returns (and the database reads) all rows; add"
                        + " limit/cursor parameters and a bounded page size");
            }
        }
        misses.report(ctx, "return an array with no pagination parameter and no maxItems: as data grows every call"
                + " returns (and the database reads) all rows; add limit/cursor parameters and a bounded page size"
                + " (one shared set of paging parameters)", lists, "list operations");
    }

    private static boolean paged(OpenApiDoc doc, Operation op) {
        for (YMap p : doc.parameters(op)) {
            String name = p.getText("name");
            if ("query".equals(p.getText("in")) && name != null && PAGING.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if ("header".equals(p.getText("in")) && name != null && name.equalsIgnoreCase("range")) {
                return true;
            }
        }
        return false;
    }
}
