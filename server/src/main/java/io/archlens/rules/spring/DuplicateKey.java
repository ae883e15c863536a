package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * The same property set twice in one document, in any spelling relaxed binding treats as equal
 * ({@code open-in-view}, {@code openInView}, {@code open_in_view}; a dotted YAML key and its nested form). Exact
 * repeats of a key inside one YAML mapping are left to archlens/duplicate-key, which the YAML parser reports.
 */
final class DuplicateKey extends SpringRule {
    static final RuleMeta META = spring("duplicate-key",
            "The same property is set twice in one document (in any spelling)", Severity.WARNING,
            Category.RELIABILITY);

    DuplicateKey() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        LineIndex lines = ctx.file().lines();
        for (SpringDocument doc : cfg.documents()) {
            Map<String, SpringProperty> first = new HashMap<>();
            for (SpringProperty p : doc.properties()) {
                if (p.merged()) {
                    continue;
                }
                SpringProperty prev = first.putIfAbsent(p.canonical(), p);
                if (prev == null || p.exactDuplicate()) {
                    continue;
                }
                int at = line(lines, prev.keyRange());
                if (prev.key().equals(p.key())) {
                    ctx.report(p.keyRange(), "'" + p.key() + "' is already set on line " + at
                            + "; only the last value takes effect, remove one");
                } else {
                    ctx.report(p.keyRange(), "'" + p.key() + "' is the same property as '" + prev.key() + "' (line "
                            + at + ") under relaxed binding; only the last value takes effect, keep one spelling");
                }
            }
        }
    }
}
