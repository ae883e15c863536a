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
 * A repository finder ({@code findByEmail}) filters on a column no index of the migrations leads with (primary
 * keys and unique constraints count): each call scans the table. A warning: the table may stay small.
 */
public final class FinderWithoutIndex implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/finder-without-index",
            "A repository finder filters on a column no index covers", Severity.WARNING, Category.PERFORMANCE, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            List<CodeView.Mapped> entities = CodeView.entities(n);
            if (entities.stream().allMatch(e -> e.finders().isEmpty())) {
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
                for (CodeView.At<Entity.Finder> f : e.finders()) {
                    check(e, t, f, out);
                }
            }
        }
    }

    private static void check(CodeView.Mapped e, Schema.Table t, CodeView.At<Entity.Finder> f, ProjectReporter out) {
        List<String> cols = f.fact().columns();
        if (cols.isEmpty()) {
            return;
        }
        for (String c : cols) {
            Schema.Column sc = t.columns.get(c.toLowerCase(Locale.ROOT));
            if (e.column(c) == null || sc == null || sc.removed != null || t.indexed(c)) {
                return; // an unknown mapping, or one of the filtered columns leads an index
            }
        }
        out.warn(f.loc(), f.fact().method() + " filters " + t.name + " on " + String.join(", ", cols)
                + " but no index of the migrations starts with " + (cols.size() == 1 ? "that column" : "any of them")
                + "; every call scans the table, add an index on " + cols.get(0) + " in a migration",
                List.of(t.created.related("table " + t.name + " is created here; its indexes: " + indexes(t))));
    }

    private static String indexes(Schema.Table t) {
        if (t.indexes.isEmpty()) {
            return "none";
        }
        List<String> s = t.indexes.stream().map(i -> "(" + String.join(", ", i) + ")").distinct().toList();
        return String.join(", ", s);
    }
}
