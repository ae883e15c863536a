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
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Descriptions and titles containing {@code <script>} or {@code eval(}: run by documentation portals that render them. */
public final class ScriptInDescription implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/script-in-description",
            "Description contains script", Severity.WARNING, Category.SECURITY, FileKind.OPENAPI);
    private static final Pattern SCRIPT = Pattern.compile("(?i)<script\\b|\\beval\\s*\\(");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        SchemaMaps.forEachMap(doc, m -> {
            for (String k : new String[] {"description", "title", "summary"}) {
                if (m.get(k) instanceof YScalar s && SCRIPT.matcher(s.value()).find()) {
                    ctx.report(s.range(), "This " + k + " contains " + (s.value().toLowerCase(Locale.ROOT)
                            .contains("<script") ? "a <script> tag" : "eval(") + ": documentation portals render"
                            + " descriptions as HTML/Markdown, so it runs in every reader's browser (stored XSS);"
                            + " remove it");
                }
            }
        });
    }
}
