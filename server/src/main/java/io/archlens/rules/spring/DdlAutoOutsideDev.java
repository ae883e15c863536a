package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.Set;

/** Hibernate schema generation other than validate/none outside development profiles. */
final class DdlAutoOutsideDev extends SpringRule {
    static final RuleMeta META = spring("ddl-auto-outside-dev",
            "Hibernate creates or alters the schema at startup outside development", Severity.ERROR,
            Category.RELIABILITY).withFix();
    private static final String DDL_AUTO = key("spring.jpa.hibernate.ddl-auto");
    private static final String HBM2DDL = key("spring.jpa.properties.hibernate.hbm2ddl.auto");
    private static final String JAKARTA = key("spring.jpa.properties.jakarta.persistence.schema-generation.database.action");
    private static final String JAVAX = key("spring.jpa.properties.javax.persistence.schema-generation.database.action");
    private static final Set<String> SAFE = Set.of("validate", "none", "");

    DdlAutoOutsideDev() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (String k : new String[] {DDL_AUTO, HBM2DDL, JAKARTA, JAVAX}) {
                for (SpringProperty p : last(doc, k)) {
                    String v = lower(p.value());
                    if (SAFE.contains(v) || p.hasPlaceholder()) {
                        continue;
                    }
                    boolean jpa = k.equals(JAKARTA) || k.equals(JAVAX);
                    String target = jpa ? "none" : "validate";
                    String effect = v.contains("drop") || v.equals("create")
                            ? "drops and recreates the schema (data loss on every start)"
                            : "lets Hibernate alter the live schema at startup (unreviewed DDL, no rollback,"
                                    + " instances racing)";
                    ctx.report(p.valueRange(), p.key() + "=" + p.value().trim() + " " + effect + "; use " + target
                            + " and manage the schema with Flyway or Liquibase",
                            Fix.unsafe("Set to " + target, SpringFixes.replaceValue(cfg, p, target)));
                }
            }
        }
    }
}
