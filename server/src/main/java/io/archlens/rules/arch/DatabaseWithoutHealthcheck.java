package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.DataStores;
import io.archlens.model.Facts.Dependency;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Compose service depends_on a database that has no healthcheck in any file of the project (nor a HEALTHCHECK
 * in the Dockerfile it is built from). Only what one file cannot see: the database is defined in another Compose
 * file of the project, or is a database only because its Dockerfile builds FROM one.
 */
public final class DatabaseWithoutHealthcheck implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/database-without-healthcheck",
            "A service depends on a database that has no healthcheck anywhere in the project", Severity.WARNING,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Map<String, List<Node>> project : model.composeProjects().values()) {
            for (List<Node> defs : project.values()) {
                for (Node n : defs) {
                    for (Dependency d : n.workload().dependsOn()) {
                        List<Node> target = project.get(d.target());
                        if (target != null) {
                            check(n, d, target, out);
                        }
                    }
                }
            }
        }
    }

    private static String probe(String family) {
        return switch (family) {
            case "postgres" -> " (pg_isready)";
            case "mysql", "mariadb" -> " (mysqladmin ping)";
            case "redis" -> " (redis-cli ping)";
            case "mongo" -> " (mongosh --eval 'db.adminCommand(\"ping\")')";
            case "rabbitmq" -> " (rabbitmq-diagnostics -q ping)";
            default -> "";
        };
    }

    private static void check(Node from, Dependency d, List<Node> target, ProjectReporter out) {
        DataStores.Engine engine = null;
        boolean byImage = false;
        boolean sameFile = false;
        List<Related> rel = new ArrayList<>();
        for (Node t : target) {
            if (t.workload().healthcheck()) {
                return;
            }
            ImageSpec df = SystemModel.dockerfile(t);
            if (df != null && df.healthcheck()) {
                return;
            }
            DataStores.Engine e = t.engine();
            if (e != null && engine == null) {
                engine = e;
            }
            if (e != null && DataStores.of(t.main() == null ? null : t.main().image()) != null) {
                byImage = true;
            }
            if (t.file() == from.file()) {
                sameFile = true;
            }
            rel.add(t.workload().nameLoc().related(t.label() + " defined without a healthcheck"));
            if (df != null) {
                rel.add(df.baseLoc().related("built FROM " + df.baseImage() + ", without HEALTHCHECK"));
            }
        }
        if (engine == null || (sameFile && byImage && target.size() == 1)) {
            return; // not a database, or the single-file Compose rules already see it
        }
        boolean healthy = "service_healthy".equals(d.condition());
        out.report(d.loc(), from.label() + " depends on '" + d.target() + "', a " + engine.family()
                + " database with no healthcheck in any Compose file of the project"
                + (healthy ? "; condition: service_healthy makes 'docker compose up' fail" : "; it starts before the "
                        + "database accepts connections") + ", add a healthcheck" + probe(engine.family()) + " to '" + d.target() + "'",
                rel);
    }
}
