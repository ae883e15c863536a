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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CRUD verbs in path segments ({@code /getOrders}, {@code /orders/{id}/delete}): the HTTP method is the verb. A verb
 * and a particle ({@code /add-ons}, {@code /set-ups}) are a noun and not reported.
 */
public final class VerbInPath implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/verb-in-path",
            "Path contains a CRUD verb", Severity.INFO, Category.MAINTAINABILITY, FileKind.OPENAPI);

    private static final Set<String> VERBS = Set.of("get", "create", "update", "delete", "remove", "add", "fetch",
            "list", "modify", "edit", "insert", "save", "retrieve", "put", "post", "set", "new");
    /** A verb followed by one of these makes a noun: add-ons, set-ups, put-aways, check-ins. */
    private static final Set<String> PARTICLES = Set.of("on", "ons", "in", "ins", "up", "ups", "out", "outs", "off",
            "offs", "over", "overs", "back", "backs", "down", "downs", "away", "aways");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** {@code add-ons}, {@code setUp}: a verb and a particle name a thing, not an action. */
    static boolean nounCompound(List<String> words) {
        return words.size() == 2 && PARTICLES.contains(words.get(1).toLowerCase(Locale.ROOT));
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
                List<String> words = PathCasing.words(seg);
                String first = words.get(0).toLowerCase(Locale.ROOT);
                if (VERBS.contains(first) && !nounCompound(words)) {
                    ctx.report(p.key().range(), "Path segment '" + seg + "' names an action: the HTTP method already"
                            + " says what happens; name the resource (GET/POST /orders, DELETE /orders/{id})");
                    break;
                }
            }
        }
    }
}
