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

/** Example objects with both {@code value} and {@code externalValue}, or neither. */
public final class InvalidExampleObject implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/invalid-example-object",
            "Example has both value and externalValue, or neither", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        if (doc.swagger2()) {
            return;
        }
        SchemaMaps.forEachMap(doc, m -> {
            if (m == doc.root()) {
                return;
            }
            for (YEntry e : m.entries()) {
                if ("examples".equals(e.keyText()) && e.value() instanceof YMap ex && !m.has("type")
                        && !m.has("properties")) {
                    for (YEntry x : ex.entries()) {
                        if (x.value() instanceof YMap xm && !xm.has("$ref")) {
                            boolean v = xm.has("value");
                            boolean ext = xm.has("externalValue");
                            if (v == ext) {
                                ctx.report(x.key().range(), "Example " + x.keyText() + (v
                                        ? " has both value and externalValue: tools pick one, silently"
                                        : " has neither value nor externalValue: it shows nothing")
                                        + "; keep exactly one");
                            }
                        }
                    }
                }
            }
        });
    }
}
