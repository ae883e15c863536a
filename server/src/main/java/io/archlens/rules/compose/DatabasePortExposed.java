package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.Map;

/**
 * A database, cache or broker port published without a host IP: Docker binds it on every interface and
 * (bypassing host firewalls such as ufw) exposes the store to the network.
 */
public final class DatabasePortExposed implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/database-port-exposed",
            "Database or cache port published on all interfaces", Severity.WARNING, Category.SECURITY,
            FileKind.COMPOSE).withFix();

    static final Map<Integer, String> PORTS = Map.ofEntries(
            Map.entry(5432, "PostgreSQL"), Map.entry(3306, "MySQL/MariaDB"), Map.entry(6379, "Redis"),
            Map.entry(27017, "MongoDB"), Map.entry(9200, "Elasticsearch/OpenSearch"),
            Map.entry(9300, "Elasticsearch transport"), Map.entry(11211, "Memcached"), Map.entry(5672, "RabbitMQ"),
            Map.entry(1433, "SQL Server"), Map.entry(1521, "Oracle"), Map.entry(9042, "Cassandra"),
            Map.entry(5984, "CouchDB"), Map.entry(7687, "Neo4j"), Map.entry(8086, "InfluxDB"),
            Map.entry(26257, "CockroachDB"), Map.entry(2181, "ZooKeeper"), Map.entry(9092, "Kafka"),
            Map.entry(8529, "ArangoDB"), Map.entry(28015, "RethinkDB"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : f.services()) {
            if (!(s.value("ports") instanceof YSeq ports)) {
                continue;
            }
            for (YNode item : ports.items()) {
                if (item instanceof YScalar sc) {
                    checkShort(f, s, sc, ctx);
                } else if (item instanceof YMap m) {
                    checkLong(f, s, m, ctx);
                }
            }
        }
    }

    private static void checkShort(ComposeFile f, ComposeService s, YScalar sc, RuleContext ctx) {
        String spec = sc.value().strip();
        String proto = "";
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            proto = spec.substring(slash);
            spec = spec.substring(0, slash);
        }
        String ip = null;
        String rest = spec;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                return;
            }
            ip = spec.substring(0, close + 1);
            rest = spec.substring(close + 1);
            if (rest.startsWith(":")) {
                rest = rest.substring(1);
            }
        }
        String[] parts = rest.split(":", -1);
        String host;
        String container;
        if (ip == null && parts.length == 3) {
            ip = parts[0];
            host = parts[1];
            container = parts[2];
        } else if (parts.length == 2) {
            host = parts[0];
            container = parts[1];
        } else if (parts.length == 1) {
            host = null;
            container = parts[0];
        } else {
            return;
        }
        String engine = engine(container);
        if (engine == null || !allInterfaces(ip)) {
            return;
        }
        String fixed = ip == null
                ? (host == null ? "127.0.0.1::" + container : "127.0.0.1:" + rest) + proto
                : "127.0.0.1:" + (host == null ? "" : host) + ":" + container + proto;
        Edit edit = f.edits().replaceScalar(sc, fixed);
        ctx.report(sc.range(), message(s, engine, container), Fix.unsafe("Publish only on 127.0.0.1 (" + fixed + ")", edit));
    }

    private static void checkLong(ComposeFile f, ComposeService s, YMap m, RuleContext ctx) {
        String target = m.getText("target");
        String engine = target == null ? null : engine(target.strip());
        if (engine == null) {
            return;
        }
        YNode hostIp = m.get("host_ip");
        if (hostIp != null && !allInterfaces(hostIp.text())) {
            return;
        }
        YNode at = m.get("published") != null ? m.get("published") : m.get("target");
        Edit edit = hostIp instanceof YScalar h ? f.edits().replaceScalar(h, "127.0.0.1")
                : f.edits().insertEntries(m, "host_ip: 127.0.0.1");
        if (edit == null) {
            ctx.report(at.range(), message(s, engine, target.strip()));
        } else {
            ctx.report(at.range(), message(s, engine, target.strip()), Fix.unsafe("Publish only on 127.0.0.1 (host_ip)", edit));
        }
    }

    private static String message(ComposeService s, String engine, String port) {
        return engine + " port " + port + " of service '" + s.name() + "' is published on all interfaces: anyone "
                + "who reaches the host can connect (Docker bypasses host firewalls); bind it to 127.0.0.1 or drop "
                + "the mapping (services reach it over the Compose network)";
    }

    private static boolean allInterfaces(String ip) {
        if (ip == null) {
            return true;
        }
        String v = ip.strip();
        return v.isEmpty() || v.equals("0.0.0.0") || v.equals("::") || v.equals("[::]");
    }

    /** The engine whose well-known port is the container port (or inside its range), else null. */
    static String engine(String containerPort) {
        try {
            int dash = containerPort.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? containerPort : containerPort.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(containerPort.substring(dash + 1));
            if (to - from > 1000) {
                return null;
            }
            for (int p = from; p <= to; p++) {
                String e = PORTS.get(p);
                if (e != null) {
                    return e;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
