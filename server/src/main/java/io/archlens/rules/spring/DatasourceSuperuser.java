package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.List;
import java.util.Set;

/**
 * The application's datasource (JDBC, Druid or R2DBC) logs in as a database superuser ({@code root},
 * {@code postgres}, {@code sa}, {@code admin}...) in a document not limited to development profiles. Migration
 * tools (Flyway, Liquibase) are left alone: they may own the schema. An in-memory database's {@code sa} is fine.
 */
final class DatasourceSuperuser extends SpringRule {
    static final RuleMeta META = spring("datasource-superuser",
            "The application connects to the database as a superuser", Severity.WARNING, Category.SECURITY);
    private static final Set<String> SUPERUSERS = Set.of("root", "postgres", "sa", "admin", "sys", "system",
            "administrator", "rdsadmin", "cloudsqlsuperuser", "azure_superuser");
    private static final List<String> USERS = List.of(key("spring.datasource.username"),
            key("spring.datasource.druid.username"), key("spring.r2dbc.username"));

    DatasourceSuperuser() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            SpringProperty url = Pools.url(doc);
            if (url != null && (PoolWithoutTimeouts.inMemory(url.value()) || url.value().contains(":h2:"))) {
                continue;
            }
            for (String k : USERS) {
                for (SpringProperty p : last(doc, k)) {
                    String v = lower(p.value());
                    if (!p.hasPlaceholder() && SUPERUSERS.contains(v)) {
                        ctx.report(p.valueRange(), "The application logs in as '" + p.value().trim() + "', a database "
                                + "superuser: one SQL injection or leaked password reads every database and can drop "
                                + "them; create a user with rights on its own schema only (keep the superuser for "
                                + "migrations and administration)");
                    }
                }
            }
        }
    }
}
