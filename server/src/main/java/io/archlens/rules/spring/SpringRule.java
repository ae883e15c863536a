package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.spring.RelaxedNames;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.List;
import java.util.Locale;

/** Shared plumbing of the Spring rules (metadata constructor, key spelling, value helpers). */
abstract class SpringRule implements Rule<SpringConfig> {
    private final RuleMeta meta;

    SpringRule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    /** Metadata for a Spring rule; the kind recorded is SPRING_YAML but the rule runs on both syntaxes. */
    static RuleMeta spring(String what, String title, Severity severity, Category category) {
        return RuleMeta.of("spring/" + what, title, severity, category, FileKind.SPRING_YAML);
    }

    static String key(String dotted) {
        return RelaxedNames.canonical(dotted);
    }

    static String lower(String v) {
        return v.trim().toLowerCase(Locale.ROOT);
    }

    /** The effective (last) property of a key in a document, as a list of at most one. */
    static List<SpringProperty> last(SpringDocument doc, String canonical) {
        SpringProperty p = doc.get(canonical);
        return p == null ? List.of() : List.of(p);
    }

    /** The effective property of each key, in each document not limited to development profiles. */
    static List<SpringProperty> lastOutsideDev(SpringConfig cfg, List<String> canonicalKeys) {
        List<SpringProperty> out = new java.util.ArrayList<>();
        for (SpringDocument doc : cfg.documents()) {
            if (!doc.devOnly()) {
                for (String k : canonicalKeys) {
                    out.addAll(last(doc, k));
                }
            }
        }
        return out;
    }

    static int line(LineIndex lines, TextRange r) {
        return lines.lineOf(r.start()) + 1;
    }
}
