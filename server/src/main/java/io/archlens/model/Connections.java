package io.archlens.model;

import io.archlens.core.TextRange;
import io.archlens.model.Facts.Prop;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The backing services a Spring application connects to, read from its effective properties. */
public final class Connections {
    /** One connection: what for, to which host and port, and where the host is written. */
    public record Conn(String role, String property, String host, int port, String engine, Loc hostLoc, Loc portLoc,
            Prop prop) {
    }

    private static final Pattern URL = Pattern.compile(
            "^(?:jdbc:|r2dbc:)?(?:(?<engine>[a-z0-9]+):)?(?:[a-z]+:)?//(?:[^@/]*@)?(?<hosts>[^/?;]+)");
    private static final Pattern HOST_PORT = Pattern.compile("^\\[?(?<host>[^\\]:]+)]?(?::(?<port>\\d+))?$");

    private Connections() {
    }

    public static List<Conn> of(SystemModel model, Node n) {
        List<Conn> out = new ArrayList<>();
        if (!n.binding().spring()) {
            return out;
        }
        url(model, n, "database", "spring.datasource.url", 0, out);
        url(model, n, "database", "spring.r2dbc.url", 0, out);
        for (String prefix : new String[] {"spring.data.redis", "spring.redis"}) {
            if (!url(model, n, "redis", prefix + ".url", 6379, out)) {
                host(model, n, "redis", prefix + ".host", prefix + ".port", 6379, out);
            }
        }
        if (!url(model, n, "mongodb", "spring.data.mongodb.uri", 27017, out)) {
            host(model, n, "mongodb", "spring.data.mongodb.host", "spring.data.mongodb.port", 27017, out);
        }
        host(model, n, "rabbitmq", "spring.rabbitmq.host", "spring.rabbitmq.port", 5672, out);
        list(model, n, "kafka", "spring.kafka.bootstrapservers", 9092, out);
        Prop es = n.prop("spring.elasticsearch.uris");
        if (es != null) {
            String v = n.resolved(es);
            if (v != null) {
                for (String u : v.split(",")) {
                    addUrl(model, n, "elasticsearch", es, u.strip(), 9200, out);
                }
            }
        }
        return out;
    }

    private static boolean url(SystemModel model, Node n, String role, String key, int defPort, List<Conn> out) {
        Prop p = n.prop(key);
        if (p == null) {
            return false;
        }
        String v = n.resolved(p);
        if (v == null) {
            return true;
        }
        addUrl(model, n, role, p, v.strip(), defPort, out);
        return true;
    }

    private static void addUrl(SystemModel model, Node n, String role, Prop p, String v, int defPort, List<Conn> out) {
        Matcher m = URL.matcher(v);
        if (!m.find()) {
            return;
        }
        String engine = m.group("engine");
        for (String hp : m.group("hosts").split(",")) {
            Matcher h = HOST_PORT.matcher(hp.strip());
            if (!h.matches()) {
                continue;
            }
            String host = h.group("host");
            int port = h.group("port") != null ? Integer.parseInt(h.group("port")) : defaultPort(engine, defPort);
            Loc hl = locate(model, p.valueLoc(), host);
            Loc pl = h.group("port") != null ? locate(model, p.valueLoc(), ":" + h.group("port"), 1) : null;
            out.add(new Conn(role, p.key(), host, port, engine, hl, pl, p));
        }
    }

    private static void host(SystemModel model, Node n, String role, String key, String portKey, int defPort,
            List<Conn> out) {
        Prop p = n.prop(key);
        if (p == null) {
            return;
        }
        String v = n.resolved(p);
        if (v == null || v.isBlank()) {
            return;
        }
        Prop pp = n.prop(portKey);
        Integer port = null;
        if (pp != null && n.resolved(pp) != null) {
            try {
                port = Integer.parseInt(n.resolved(pp).strip());
            } catch (NumberFormatException e) {
                port = null;
            }
        }
        out.add(new Conn(role, p.key(), v.strip(), port == null ? defPort : port, null,
                locate(model, p.valueLoc(), v.strip()), pp == null ? null : pp.valueLoc(), p));
    }

    private static void list(SystemModel model, Node n, String role, String key, int defPort, List<Conn> out) {
        Prop p = n.prop(key);
        if (p == null || n.resolved(p) == null) {
            return;
        }
        for (String hp : n.resolved(p).split(",")) {
            Matcher h = HOST_PORT.matcher(hp.strip());
            if (h.matches()) {
                String host = h.group("host");
                out.add(new Conn(role, p.key(), host, h.group("port") == null ? defPort : Integer.parseInt(h.group("port")),
                        null, locate(model, p.valueLoc(), host), null, p));
            }
        }
    }

    private static int defaultPort(String engine, int def) {
        if (engine == null) {
            return def;
        }
        return switch (engine) {
            case "postgresql", "postgres" -> 5432;
            case "mysql", "mariadb" -> 3306;
            case "sqlserver" -> 1433;
            case "mongodb" -> 27017;
            case "redis", "rediss" -> 6379;
            default -> def;
        };
    }

    /** The host inside a value's location: after "//", "@" or ":" when it occurs so, else its first occurrence. */
    public static Loc locate(SystemModel model, Loc valueLoc, String host) {
        String text = model.text(valueLoc);
        if (text == null) {
            return valueLoc;
        }
        for (String prefix : new String[] {"//", "@", ":", ""}) {
            int at = text.indexOf(prefix + host);
            if (at >= 0 && (prefix.isEmpty() || true)) {
                return sub(model, valueLoc, at + prefix.length(), host.length());
            }
        }
        return valueLoc;
    }

    private static Loc locate(SystemModel model, Loc valueLoc, String needle, int skip) {
        String text = model.text(valueLoc);
        if (text == null) {
            return null;
        }
        int at = text.indexOf(needle);
        return at < 0 ? null : sub(model, valueLoc, at + skip, needle.length() - skip);
    }

    private static Loc sub(SystemModel model, Loc valueLoc, int offset, int length) {
        FileFacts f = model.file(valueLoc.uri());
        int s = valueLoc.range().start() + offset;
        return Loc.of(f.file(), new TextRange(s, s + length));
    }
}
