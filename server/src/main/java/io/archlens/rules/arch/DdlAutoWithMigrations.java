package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Canon;
import io.archlens.model.Facts.Prop;
import io.archlens.model.FileFacts;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code spring.jpa.hibernate.ddl-auto} lets Hibernate change the schema (update, create, create-drop) while
 * migrations under the same application manage it too: the two fight, Hibernate's changes are in no migration,
 * and create/create-drop wipe the data on every start.
 */
public final class DdlAutoWithMigrations implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/ddl-auto-with-migrations",
            "Hibernate ddl-auto changes a schema that migrations manage", Severity.ERROR, Category.RELIABILITY, null);

    private static final Set<String> MANAGING = Set.of("update", "create", "create-drop");
    private static final String KEY = Canon.key("spring.jpa.hibernate.ddl-auto");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** The ddl-auto property when it lets Hibernate change the schema, else null. */
    static Prop hibernateManaged(Node n) {
        if (!n.binding().spring()) {
            return null;
        }
        Prop p = n.prop(KEY);
        String v = n.resolved(p);
        return v != null && MANAGING.contains(v.strip().toLowerCase(Locale.ROOT)) ? p : null;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            Prop p = hibernateManaged(n);
            if (p == null) {
                continue;
            }
            FileFacts migration = null;
            for (FileFacts f : n.binding().schemas()) {
                if (f.schema().migration() && !f.schema().down()) {
                    migration = f;
                    break;
                }
            }
            if (migration == null) {
                continue;
            }
            long count = n.binding().schemas().stream().filter(f -> f.schema().migration()).count();
            out.report(p.valueLoc(), p.key() + " is " + n.resolved(p) + " for " + n.name() + " but " + count
                    + " migration" + (count == 1 ? "" : "s") + " (" + migration.schema().tool().toLowerCase(Locale.ROOT)
                    + ") manage the same schema; Hibernate's changes bypass them"
                    + (n.resolved(p).strip().startsWith("create") ? " and drop the data on every start" : "")
                    + ", set it to validate (or none)", List.of(SystemModel.top(migration)
                    .related("migration " + migration.path())));
        }
    }
}
