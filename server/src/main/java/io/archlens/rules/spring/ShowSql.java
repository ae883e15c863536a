package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/** {@code spring.jpa.show-sql=true} (or hibernate.show_sql) outside development profiles. */
final class ShowSql extends SpringRule {
    static final RuleMeta META = spring("show-sql",
            "Every SQL statement is printed to stdout outside development", Severity.WARNING,
            Category.PERFORMANCE).withFix();
    private static final String[] KEYS = {key("spring.jpa.show-sql"), key("spring.jpa.properties.hibernate.show_sql")};

    ShowSql() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (String k : KEYS) {
                for (SpringProperty p : last(doc, k)) {
                    if (p.isTrue()) {
                        ctx.report(p.valueRange(), p.key() + "=true writes every statement to stdout, bypassing"
                                + " the logging system (no levels, no async, can leak data); turn it off and use"
                                + " logging.level.org.hibernate.SQL=debug where needed",
                                Fix.unsafe("Set to false", SpringFixes.replaceValue(cfg, p, "false")));
                    }
                }
            }
        }
    }
}
