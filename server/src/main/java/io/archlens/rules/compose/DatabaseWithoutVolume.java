package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import java.util.Map;

/**
 * A database service with no named volume (or bind mount): its data lives in the container layer. Not in a Compose
 * file for tests or CI ({@code docker-compose.test.yml}), whose databases are meant to start empty.
 */
public final class DatabaseWithoutVolume implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/database-without-volume",
            "Database data is not on a named volume", Severity.WARNING, Category.RELIABILITY, FileKind.COMPOSE);
    private static final Map<String, String> DATA_DIRS = Map.ofEntries(
            Map.entry("postgres", "/var/lib/postgresql/data"), Map.entry("postgis", "/var/lib/postgresql/data"),
            Map.entry("timescaledb", "/var/lib/postgresql/data"), Map.entry("postgresql", "/bitnami/postgresql"),
            Map.entry("mysql", "/var/lib/mysql"), Map.entry("mariadb", "/var/lib/mysql"),
            Map.entry("percona", "/var/lib/mysql"), Map.entry("mongo", "/data/db"),
            Map.entry("elasticsearch", "/usr/share/elasticsearch/data"),
            Map.entry("opensearch", "/usr/share/opensearch/data"), Map.entry("cassandra", "/var/lib/cassandra"),
            Map.entry("neo4j", "/data"), Map.entry("influxdb", "/var/lib/influxdb2"),
            Map.entry("couchdb", "/opt/couchdb/data"), Map.entry("mssql", "/var/opt/mssql"),
            Map.entry("clickhouse-server", "/var/lib/clickhouse"), Map.entry("clickhouse", "/var/lib/clickhouse"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        if (ComposeSupport.forTests(ctx.file().path())) {
            return; // a test or CI stack's database is meant to start empty
        }
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            String engine = s.databaseEngine();
            if (engine == null) {
                continue;
            }
            boolean persistent = false;
            for (ComposeService.Mount m : s.mounts()) {
                persistent |= m.persistent();
            }
            if (persistent) {
                continue;
            }
            String dir = DATA_DIRS.get(engine);
            ctx.report(s.nameRange(), "Database service '" + s.name() + "' (" + engine + ") keeps its data in the "
                    + "container: it is lost when the container is recreated (image update, docker compose down); mount "
                    + "a named volume" + (dir == null ? " at its data directory" : " at " + dir));
        }
    }
}
