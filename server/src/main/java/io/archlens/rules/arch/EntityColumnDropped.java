package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.code.Entity;
import io.archlens.model.CodeView;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.List;
import java.util.Locale;

/**
 * A migration drops (or renames) a column that an entity still maps, and no later migration brings it back: once
 * it runs, every query of the entity fails. Reported on the migration, with the mapping as related location.
 */
public final class EntityColumnDropped implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/entity-column-dropped",
            "A migration drops a column an entity still maps", Severity.ERROR, Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            List<CodeView.Mapped> entities = CodeView.entities(n);
            if (entities.isEmpty()) {
                continue;
            }
            Schema schema = Schema.of(model, n);
            if (schema == null) {
                continue;
            }
            for (CodeView.Mapped e : entities) {
                Schema.Table t = schema.table(e.table().fact());
                if (t == null || t.created == null || t.removed != null) {
                    continue;
                }
                for (CodeView.At<Entity.Column> c : e.columns()) {
                    Schema.Column sc = t.columns.get(c.fact().name().toLowerCase(Locale.ROOT));
                    if (sc == null || sc.removed == null) {
                        continue;
                    }
                    String how = sc.renamedTo != null ? "renames column " + c.fact().name() + " of " + t.name + " to "
                            + sc.renamedTo : "drops column " + c.fact().name() + " of " + t.name;
                    String msg = "This migration " + how + " but entity " + e.name() + " still maps it ("
                            + c.loc().display() + "); after it runs every query of " + e.name() + " fails, update the "
                            + "mapping in the same release or keep the column";
                    List<io.archlens.analysis.Related> rel = List.of(c.loc().related(e.name() + " maps "
                            + c.fact().name()));
                    if (c.written()) {
                        out.report(sc.removed, msg, rel);
                    } else {
                        out.warn(sc.removed, msg + " (assumed column name: Spring's default naming of the field)", rel);
                    }
                }
            }
        }
    }
}
