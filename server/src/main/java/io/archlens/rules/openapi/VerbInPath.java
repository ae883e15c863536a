package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import java.util.Locale;
import java.util.Set;

/** CRUD verbs in path segments ({@code /getOrders}, {@code /orders/{id}/delete}): the HTTP method is the verb. */
public final class VerbInPath implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/verb-in-path",
            "Path contains a CRUD verb", Severity.INFO, Category.MAINTAINABILITY, FileKind.OPENAPI);

    private static final Set<String> VERBS = Set.of("get", "create", "update", "delete", "remove", "add", "fetch",
            "list", "modify", "edit", "insert", "save", "retrieve", "put", "post", "set", "new");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null || !(doc.root().get("paths") instanceof YMap paths)) {
            return;
        }
        for (YEntry p : paths.entries()) {
            String path = p.keyText();
            if (path == null) {
                continue;
            }
            for (String seg : path.split("/")) {
                if (seg.isEmpty() || seg.startsWith("{")) {
                    continue;
                }
                String first = PathCasing.words(seg).get(0).toLowerCase(Locale.ROOT);
                if (VERBS.contains(first)) {
                    ctx.report(p.key().range(), "Path segment '" + seg + "' names an action: the HTTP method already"
                            + " says what happens; name the resource (GET/POST /orders, DELETE /orders/{id})");
                    break;
                }
            }
        }
    }
}
