package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.code.Entity;
import io.archlens.model.CodeView;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.List;

/**
 * An entity maps a table, or a column, that the project's SQL (Flyway, Liquibase, plain schema files) never
 * creates: queries fail at runtime. A name the code derives by Spring's naming strategy (no {@code @Table} /
 * {@code @Column}) is an assumption, so that finding is a warning. Quiet when Hibernate manages the schema
 * ({@code ddl-auto} update/create: {@code arch/ddl-auto-with-migrations} speaks then) and for columns a migration
 * drops ({@code arch/entity-column-dropped}).
 */
public final class EntityNotMigrated implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/entity-not-migrated",
            "An entity maps a table or column that no migration creates", Severity.ERROR, Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            List<CodeView.Mapped> entities = CodeView.entities(n);
            if (entities.isEmpty() || DdlAutoWithMigrations.hibernateManaged(n) != null) {
                continue;
            }
            Schema schema = Schema.of(model, n);
            if (schema == null) {
                continue;
            }
            for (CodeView.Mapped e : entities) {
                check(schema, e, out);
            }
        }
    }

    private static void check(Schema schema, CodeView.Mapped e, ProjectReporter out) {
        String table = e.table().fact();
        Schema.Table t = schema.table(table);
        if (t == null || t.created == null || t.removed != null) {
            List<Related> rel = t != null && t.removed != null ? List.of(t.removed.related("the table is dropped or renamed here"))
                    : List.of(SystemModel.top(schema.files.get(0)).related("the schema: " + schema.describe()));
            String msg = "Entity " + e.name() + " maps table " + table + " but " + schema.describe()
                    + (t != null && t.removed != null ? " drops it" : " never creates it") + "; queries fail at runtime,"
                    + " add a migration that creates it or map the existing table";
            if (e.table().written()) {
                out.report(e.table().loc(), msg, rel);
            } else {
                out.warn(e.table().loc(), msg + " (assumed table name: Spring's default naming of " + e.name() + ")", rel);
            }
            return;
        }
        if (t.anyColumns) {
            return;
        }
        for (CodeView.At<Entity.Column> c : e.columns()) {
            Schema.Column sc = t.columns.get(c.fact().name().toLowerCase(java.util.Locale.ROOT));
            if (sc != null) {
                continue; // present, or dropped later (arch/entity-column-dropped)
            }
            List<Related> rel = List.of(t.created.related("table " + t.name + " is created here without " + c.fact().name()));
            String msg = "Entity " + e.name() + " maps column " + c.fact().name() + " but no migration creates it in "
                    + "table " + t.name + "; inserts and selects fail at runtime, add the column in a migration or map "
                    + "an existing one";
            if (c.written()) {
                out.report(c.loc(), msg, rel);
            } else {
                out.warn(c.loc(), msg + " (assumed column name: Spring's default naming of the field)", rel);
            }
        }
    }
}
