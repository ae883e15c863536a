package io.archlens.model;

import io.archlens.syntax.image.ImageRef;
import java.util.Locale;
import java.util.Map;

/** Data stores recognised by image name: engine, default port, default connection limit. */
public final class DataStores {
    /** One engine: its family (postgres, mysql, redis...), default port, and default max connections (or null). */
    public record Engine(String family, int port, Integer maxConnections, boolean relational) {
    }

    private static final Map<String, Engine> BY_IMAGE = Map.ofEntries(
            Map.entry("postgres", new Engine("postgres", 5432, 100, true)),
            Map.entry("postgresql", new Engine("postgres", 5432, 100, true)),
            Map.entry("postgis", new Engine("postgres", 5432, 100, true)),
            Map.entry("timescaledb", new Engine("postgres", 5432, 100, true)),
            Map.entry("mysql", new Engine("mysql", 3306, 151, true)),
            Map.entry("mysql-server", new Engine("mysql", 3306, 151, true)),
            Map.entry("percona", new Engine("mysql", 3306, 151, true)),
            Map.entry("percona-server", new Engine("mysql", 3306, 151, true)),
            Map.entry("mariadb", new Engine("mariadb", 3306, 151, true)),
            Map.entry("redis", new Engine("redis", 6379, 10000, false)),
            Map.entry("redis-stack", new Engine("redis", 6379, 10000, false)),
            Map.entry("redis-stack-server", new Engine("redis", 6379, 10000, false)),
            Map.entry("valkey", new Engine("redis", 6379, 10000, false)),
            Map.entry("keydb", new Engine("redis", 6379, 10000, false)),
            Map.entry("mongo", new Engine("mongo", 27017, null, false)),
            Map.entry("mongodb", new Engine("mongo", 27017, null, false)),
            Map.entry("kafka", new Engine("kafka", 9092, null, false)),
            Map.entry("cp-kafka", new Engine("kafka", 9092, null, false)),
            Map.entry("rabbitmq", new Engine("rabbitmq", 5672, null, false)),
            Map.entry("elasticsearch", new Engine("elasticsearch", 9200, null, false)),
            Map.entry("opensearch", new Engine("elasticsearch", 9200, null, false)),
            Map.entry("memcached", new Engine("memcached", 11211, null, false)),
            Map.entry("cassandra", new Engine("cassandra", 9042, null, false)),
            Map.entry("mssql", new Engine("mssql", 1433, null, true)),
            Map.entry("clickhouse-server", new Engine("clickhouse", 8123, null, false)),
            Map.entry("nats", new Engine("nats", 4222, null, false)),
            Map.entry("zookeeper", new Engine("zookeeper", 2181, null, false)));

    /** Default ports of well-known server images that are not data stores. */
    private static final Map<String, Integer> SERVER_PORTS = Map.of("nginx", 80, "httpd", 80, "traefik", 80,
            "caddy", 80, "haproxy", 80, "redis-sentinel", 26379);

    private DataStores() {
    }

    /** The engine an image runs, or null. */
    public static Engine of(String image) {
        if (image == null || image.contains("$")) {
            return null;
        }
        ImageRef ref = ImageRef.parse(image);
        String base = ref.baseName();
        if (ref.repository().toLowerCase(Locale.ROOT).contains("/mssql/")) {
            return BY_IMAGE.get("mssql");
        }
        return BY_IMAGE.get(base);
    }

    /** The port a well-known image listens on by default (data stores and web servers), or null. */
    public static Integer defaultPort(String image) {
        Engine e = of(image);
        if (e != null) {
            return e.port();
        }
        if (image == null || image.contains("$")) {
            return null;
        }
        String base = ImageRef.parse(image).baseName();
        return SERVER_PORTS.get(base.endsWith("-unprivileged") ? base.substring(0, base.length() - 13) : base);
    }

    /**
     * Further ports a well-known image variant listens on besides its default: RabbitMQ's {@code -management}
     * images also serve the management UI and API on 15672.
     */
    public static java.util.List<Integer> extraPorts(String image) {
        if (image == null || image.contains("$")) {
            return java.util.List.of();
        }
        ImageRef ref = ImageRef.parse(image);
        if ("rabbitmq".equals(ref.baseName()) && ref.tag() != null && ref.tag().contains("management")) {
            return java.util.List.of(15672);
        }
        return java.util.List.of();
    }

    /** The engine named in a JDBC URL or a declared engine name ({@code postgresql}, {@code mysql}...). */
    public static String family(String engineName) {
        if (engineName == null) {
            return null;
        }
        String e = engineName.toLowerCase(Locale.ROOT);
        if (e.startsWith("postgres") || e.equals("pg") || e.startsWith("aurora-postgres")) {
            return "postgres";
        }
        if (e.startsWith("mysql") || e.startsWith("aurora-mysql") || e.equals("aurora")) {
            return "mysql";
        }
        if (e.startsWith("mariadb")) {
            return "mariadb";
        }
        if (e.startsWith("sqlserver") || e.startsWith("mssql")) {
            return "mssql";
        }
        return e;
    }

    /** Default {@code max_connections} of a relational engine family, or null when unknown. */
    public static Integer defaultMaxConnections(String family) {
        if (family == null) {
            return null;
        }
        return switch (family) {
            case "postgres" -> 100;
            case "mysql", "mariadb" -> 151;
            default -> null;
        };
    }
}
