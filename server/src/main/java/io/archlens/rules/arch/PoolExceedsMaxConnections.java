package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.config.ProjectContext;
import io.archlens.model.DataStores;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.EnvVar;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Prop;
import io.archlens.model.Loc;
import io.archlens.model.Connections;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.Replicas;
import io.archlens.model.SystemModel.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every replica of every application opens its whole connection pool against the database: the sum over
 * replicas must stay under the server's max_connections (postgres 100, mysql/mariadb 151 unless configured).
 */
public final class PoolExceedsMaxConnections implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/pool-exceeds-max-connections",
            "Connection pools over all replicas exceed the database's max_connections", Severity.WARNING,
            Category.SCALABILITY, null);
    /** HikariCP's default maximum-pool-size. */
    static final int HIKARI_DEFAULT = 10;
    private static final Pattern MAX_CONN = Pattern.compile("max[_-]connections[= ]+(\\d+)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** One application's share: replicas times pool size, and where each number comes from. */
    record Share(Node app, Replicas replicas, int pool, Prop poolProp, Connections.Conn conn) {
        int total() {
            return replicas.count() * pool;
        }
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        ProjectContext ctx = model.context();
        Map<Node, List<Share>> byDb = new LinkedHashMap<>();
        Map<String, List<Share>> external = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            for (Connections.Conn c : n.connections()) {
                if (!c.role().equals("database") || SystemModel.unresolvable(c.host())) {
                    continue;
                }
                Share s = share(n, c);
                Resolution r = SystemModel.loopback(c.host()) ? null : model.resolve(n, c.host());
                Node db = null;
                if (r != null) {
                    for (Node t : r.nodes()) {
                        if (t.engine() != null && t.engine().relational()) {
                            db = t;
                            break;
                        }
                    }
                }
                if (db != null) {
                    byDb.computeIfAbsent(db, k -> new ArrayList<>()).add(s);
                } else if (ctx.databaseEngine() != null && sameFamily(ctx.databaseEngine(), c.engine())) {
                    external.computeIfAbsent(n.platform() + ":" + n.scope(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        for (Map.Entry<Node, List<Share>> e : byDb.entrySet()) {
            Node db = e.getKey();
            Limit limit = limit(ctx, db);
            if (limit != null) {
                evaluate(model, e.getValue(), limit, db.label(), out);
            }
        }
        for (List<Share> shares : external.values()) {
            String family = DataStores.family(ctx.databaseEngine());
            Integer max = ctx.databaseMaxConnections() != null ? ctx.databaseMaxConnections()
                    : DataStores.defaultMaxConnections(family);
            if (max != null) {
                evaluate(model, shares, new Limit(max, null, ctx.databaseMaxConnections() != null
                        ? "database.max-connections in .archlens.yml" : "the " + family + " default"),
                        "the " + family + " database", out);
            }
        }
    }

    private static boolean sameFamily(String declared, String urlEngine) {
        return urlEngine != null && DataStores.family(declared).equals(DataStores.family(urlEngine));
    }

    private static Share share(Node n, Connections.Conn c) {
        Prop pool = n.prop("spring.datasource.hikari.maximumpoolsize");
        int size = HIKARI_DEFAULT;
        if (pool != null) {
            String v = n.resolved(pool);
            try {
                size = v == null ? HIKARI_DEFAULT : Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                size = HIKARI_DEFAULT;
            }
        }
        return new Share(n, n.replicas(), size, pool, c);
    }

    /** max_connections and where it comes from. */
    record Limit(int max, Loc loc, String what) {
    }

    static Limit limit(ProjectContext ctx, Node db) {
        if (ctx.databaseMaxConnections() != null) {
            return new Limit(ctx.databaseMaxConnections(), null, "database.max-connections in .archlens.yml");
        }
        for (Container c : db.workload().containers()) {
            Matcher m = MAX_CONN.matcher(c.commandLine() == null ? "" : c.commandLine());
            if (m.find()) {
                return new Limit(Integer.parseInt(m.group(1)), db.workload().nameLoc(), "max_connections in its command");
            }
            for (EnvVar e : c.env()) {
                if (e.value() != null && e.name().toUpperCase(java.util.Locale.ROOT).endsWith("MAX_CONNECTIONS")) {
                    try {
                        return new Limit(Integer.parseInt(e.value().strip()), e.valueLoc(), e.name());
                    } catch (NumberFormatException ex) {
                        // not a number: fall through to the default
                    }
                }
            }
        }
        DataStores.Engine engine = db.engine();
        Integer def = engine == null ? null : DataStores.defaultMaxConnections(engine.family());
        return def == null ? null : new Limit(def, null, "the " + engine.family() + " default");
    }

    private static void evaluate(SystemModel model, List<Share> shares, Limit limit, String dbLabel,
            ProjectReporter out) {
        int sum = 0;
        List<String> terms = new ArrayList<>();
        for (Share s : shares) {
            sum += s.total();
            terms.add(s.app().name() + " " + s.replicas().count() + " x " + s.pool());
        }
        for (Share s : shares) {
            // with one replica assumed, ask for the real count only when it could matter (over half the limit)
            if (s.replicas().what().equals("default") && s.app().platform() == Platform.COMPOSE
                    && model.context().replicas() == null && !runsOnKubernetes(model, s.app())
                    && sum * 2 > limit.max()) {
                out.needContext("replicas", s.poolProp() != null ? s.poolProp().valueLoc() : s.conn().hostLoc());
            }
        }
        if (sum <= limit.max()) {
            return;
        }
        for (Share s : shares) {
            List<Related> rel = new ArrayList<>();
            if (limit.loc() != null) {
                rel.add(limit.loc().related(dbLabel + " allows " + limit.max() + " connections (" + limit.what() + ")"));
            }
            for (Share o : shares) {
                if (o.replicas().loc() != null) {
                    rel.add(o.replicas().loc().related(o.app().label() + ": " + o.replicas().count() + " replicas ("
                            + o.replicas().what() + ")"));
                }
                if (o != s && o.poolProp() != null) {
                    rel.add(o.poolProp().valueLoc().related(o.app().label() + ": pool of " + o.pool()));
                }
            }
            Loc at = s.poolProp() != null ? s.poolProp().valueLoc() : s.conn().hostLoc();
            String poolText = s.poolProp() != null ? "pool of " + s.pool() : "default Hikari pool of " + s.pool();
            String reps = s.replicas().count() == 1 ? " (1 replica" + (s.replicas().what().equals("default") ? ""
                    : ", " + s.replicas().what()) + ")" : " on each of its " + s.replicas().count() + " replicas ("
                    + s.replicas().what() + ")";
            out.report(at, s.app().label() + " opens a " + poolText + reps + "; with every client (" + String.join(" + ", terms) + " = "
                    + sum + ") that exceeds max_connections " + limit.max() + " of " + dbLabel + " (" + limit.what()
                    + "); lower the pool size or raise max_connections", rel);
        }
    }

    private static boolean runsOnKubernetes(SystemModel model, Node app) {
        for (Node n : model.nodes()) {
            if (n.platform() == Platform.KUBERNETES && !app.binding().apps().isEmpty()
                    && n.binding().apps().equals(app.binding().apps())) {
                return true;
            }
        }
        return false;
    }
}
