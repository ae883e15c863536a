package io.archlens.syntax.compose;

import io.archlens.syntax.image.ImageRef;
import io.archlens.syntax.yaml.MergeKeys;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One service: its name key (where service-level findings point) and its mapping. Lookups go through
 * {@code <<} merge keys, as services often share settings through anchors. {@code base} is the service it
 * {@code extends} in the same file; {@code partial} marks a service that extends one this file does not hold
 * ({@code extends: {file: ...}}, or a name not found): some of its settings are invisible here, so rules about
 * a missing setting leave it alone (the base is checked in its own file). Lookups see only the service's own
 * keys, so a finding about a value is reported once, where the value is written; {@link #effective()} is the
 * view with inherited keys, for rules that ask whether a setting is there at all.
 */
public record ComposeService(String name, YEntry entry, YMap map, ComposeService base, boolean partial,
        boolean inheriting) {

    public ComposeService(String name, YEntry entry, YMap map) {
        this(name, entry, map, null, false, false);
    }

    /** This service with the keys it inherits through {@code extends} (same file) visible to lookups. */
    public ComposeService effective() {
        return base == null || inheriting ? this : new ComposeService(name, entry, map, base.effective(), partial, true);
    }

    /** The name key's range: where findings about the service as a whole point. */
    public TextRange nameRange() {
        return entry.key().range();
    }

    /** True when the whole service is an alias ({@code api: *base}); edits would change the anchor. */
    public boolean aliased() {
        return YamlEdits.isAlias(entry);
    }

    public YEntry get(String key) {
        YEntry e = MergeKeys.entry(map, key);
        return e != null || base == null || !inheriting ? e : base.get(key);
    }

    public YNode value(String key) {
        YEntry e = get(key);
        return e == null ? null : e.value();
    }

    /** The service named by {@code extends} and whether it lives in another file; null without extends. */
    public Extends extendsRef() {
        YNode x = MergeKeys.get(map, "extends");
        if (x instanceof YScalar s && !s.isNull()) {
            return new Extends(s.value().strip(), null);
        }
        if (x instanceof YMap m) {
            YNode svc = m.get("service");
            YNode file = m.get("file");
            return new Extends(svc == null ? null : svc.text(), file == null ? null : file.text());
        }
        return null;
    }

    /** {@code extends: base} or {@code extends: {service: base, file: other.yml}}. */
    public record Extends(String service, String file) {
    }

    public String text(String key) {
        YNode n = value(key);
        return n == null ? null : n.text();
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** A plain {@code true} (or "true") value. */
    public boolean isTrue(String key) {
        YNode n = value(key);
        return n instanceof YScalar s && "true".equalsIgnoreCase(s.value().strip());
    }

    public ImageRef image() {
        String img = text("image");
        return img == null ? null : ImageRef.parse(img);
    }

    /** The names this service {@code depends_on}, with the node naming each (list item or map key). */
    public List<Dependency> dependencies() {
        YEntry e = get("depends_on");
        List<Dependency> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (e.value() instanceof YSeq s) {
            for (YNode item : s.items()) {
                if (item instanceof YScalar sc && !sc.value().isBlank()) {
                    out.add(new Dependency(sc.value().strip(), item, null, null, null));
                }
            }
        } else if (e.value() instanceof YMap m) {
            for (YEntry d : m.entries()) {
                if (d.keyText() == null || "<<".equals(d.keyText())) {
                    continue;
                }
                YMap body = d.value().asMap();
                String cond = body == null ? null : body.getText("condition");
                out.add(new Dependency(d.keyText(), d.key(), d, body, cond == null ? null : cond.strip()));
            }
        }
        return out;
    }

    /**
     * One {@code depends_on} target. {@code node} names it (list item or map key); {@code entry}, {@code body}
     * and {@code condition} are null in the list form ({@code body} also when the map value is empty).
     */
    public record Dependency(String service, YNode node, YEntry entry, YMap body, String condition) {
        public boolean healthy() {
            return "service_healthy".equals(condition);
        }

        public boolean completed() {
            return "service_completed_successfully".equals(condition);
        }
    }

    /** True when the service defines a healthcheck that is not disabled. */
    public boolean hasHealthcheck() {
        YNode h = value("healthcheck");
        if (!(h instanceof YMap m)) {
            return false;
        }
        YNode disable = m.get("disable");
        if (disable instanceof YScalar s && "true".equalsIgnoreCase(s.value())) {
            return false;
        }
        YNode test = m.get("test");
        if (test instanceof YSeq seq && !seq.items().isEmpty()
                && "NONE".equalsIgnoreCase(String.valueOf(seq.items().get(0).text()))) {
            return false;
        }
        if (test instanceof YScalar s && "NONE".equalsIgnoreCase(s.value().strip())) {
            return false;
        }
        return test != null;
    }

    /** The mounts of the service, short or long syntax. */
    public List<Mount> mounts() {
        List<Mount> out = new ArrayList<>();
        if (!(value("volumes") instanceof YSeq s)) {
            return out;
        }
        for (YNode item : s.items()) {
            if (item instanceof YScalar sc) {
                out.add(Mount.parseShort(sc.value(), item));
            } else if (item instanceof YMap m) {
                String type = m.getText("type");
                String source = m.getText("source");
                String target = m.getText("target");
                Mount.Type t;
                if ("bind".equals(type)) {
                    t = Mount.Type.BIND;
                } else if ("tmpfs".equals(type)) {
                    t = Mount.Type.TMPFS;
                } else if ("npipe".equals(type)) {
                    t = Mount.Type.BIND;
                } else {
                    t = source == null || source.isBlank() ? Mount.Type.ANONYMOUS : Mount.Type.VOLUME;
                }
                YNode at = m.get("source") != null ? m.get("source") : item;
                out.add(new Mount(t, source, target, at));
            }
        }
        return out;
    }

    /** One mount; {@code node} is where findings about it point. */
    public record Mount(Type type, String source, String target, YNode node) {
        public enum Type { VOLUME, BIND, ANONYMOUS, TMPFS }

        static Mount parseShort(String spec, YNode node) {
            String[] parts = spec.strip().split(":");
            // Windows drive letters (C:\data:/data) are rare in Compose files; treat "X:\..." as one part.
            List<String> p = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].length() == 1 && Character.isLetter(parts[i].charAt(0)) && i + 1 < parts.length
                        && (parts[i + 1].startsWith("\\") || parts[i + 1].startsWith("/"))) {
                    p.add(parts[i] + ":" + parts[++i]);
                } else {
                    p.add(parts[i]);
                }
            }
            if (p.size() == 1) {
                return new Mount(Type.ANONYMOUS, null, p.get(0), node);
            }
            String source = p.get(0);
            String target = p.get(1);
            boolean path = source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                    || source.startsWith("$") || source.contains("\\") || source.contains("/");
            return new Mount(path ? Type.BIND : Type.VOLUME, source, target, node);
        }

        public boolean persistent() {
            return type == Type.VOLUME || type == Type.BIND;
        }
    }

    private static final java.util.regex.Pattern DB_IMAGE = java.util.regex.Pattern.compile(
            "postgres|postgresql|postgis|timescaledb|mysql|mariadb|percona|percona-server|mongo|mongodb"
                    + "|mongodb-community-server|elasticsearch|opensearch|cassandra|scylla|neo4j|clickhouse"
                    + "|clickhouse-server|influxdb|couchdb|cockroach|mssql|oracle-free|oracle-xe|db2|rethinkdb|arangodb");

    private static final java.util.regex.Pattern STATEFUL_IMAGE = java.util.regex.Pattern.compile(
            "redis|redis-stack|redis-stack-server|valkey|keydb|dragonfly|rabbitmq|kafka|cp-kafka|zookeeper|cp-zookeeper"
                    + "|minio|nats|etcd|consul|vault|localstack|registry|jenkins|gitlab-ce|sonarqube|nexus3|grafana|prometheus");

    /**
     * True when the service keeps state on disk by nature: a database, a cache that snapshots (Redis), a
     * broker, an object store...
     */
    public boolean stateful() {
        if (databaseEngine() != null) {
            return true;
        }
        ImageRef img = image();
        return img != null && !img.templated() && STATEFUL_IMAGE.matcher(img.baseName()).matches();
    }

    /** The database engine this service runs (from its image), or null for anything else. */
    public String databaseEngine() {
        ImageRef img = image();
        if (img == null || img.templated()) {
            return null;
        }
        String base = img.baseName();
        if (img.repository().toLowerCase(Locale.ROOT).contains("/mssql/")) {
            return "mssql";
        }
        return DB_IMAGE.matcher(base).matches() ? base : null;
    }

    /** The entrypoint and command, words joined with spaces ("" when neither is set). */
    public String commandLine() {
        StringBuilder sb = new StringBuilder();
        for (String key : new String[] {"entrypoint", "command"}) {
            YNode n = value(key);
            if (n instanceof YScalar sc) {
                sb.append(' ').append(sc.value());
            } else if (n instanceof YSeq seq) {
                for (YNode i : seq.items()) {
                    if (i instanceof YScalar sc) {
                        sb.append(' ').append(sc.value());
                    }
                }
            }
        }
        return sb.toString().strip();
    }

    /**
     * The {@code environment} as names to values, map or list form; a name without a value (taken from the shell)
     * maps to "" .
     */
    public java.util.Map<String, String> environmentValues() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        YNode n = value("environment");
        if (n instanceof YMap m) {
            for (YEntry e : MergeKeys.entries(m)) {
                out.put(e.keyText().strip(), e.value() instanceof YScalar sc && !sc.isNull() ? sc.value() : "");
            }
        } else if (n instanceof YSeq s) {
            for (YNode item : s.items()) {
                if (item instanceof YScalar sc && !sc.value().isBlank()) {
                    String v = sc.value();
                    int eq = v.indexOf('=');
                    out.put((eq < 0 ? v : v.substring(0, eq)).strip(), eq < 0 ? "" : v.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
