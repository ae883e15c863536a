package io.archlens.model;

import java.util.Locale;
import java.util.Map;

/**
 * Whether a data store container starts without authentication, judged from its image, environment and command
 * line as written (Compose and Kubernetes alike). Only facts count: a configuration file passed on the command line,
 * a value from a secret reference or an option this class does not know make the answer "configured".
 */
public final class DataStoreAuth {
    private DataStoreAuth() {
    }

    /**
     * Why the store is open to anyone who reaches its port, or null when it authenticates (or it cannot be told).
     * {@code env} maps names to values (a value from a reference is any non-null placeholder); {@code command} is
     * the command and arguments joined with spaces.
     */
    public static String openBecause(String image, Map<String, String> env, String command) {
        DataStores.Engine e = DataStores.of(image);
        if (e == null) {
            return null;
        }
        String cmd = command == null ? "" : command;
        boolean bitnami = image.toLowerCase(Locale.ROOT).contains("bitnami/");
        boolean emptyAllowed = "yes".equalsIgnoreCase(env.getOrDefault("ALLOW_EMPTY_PASSWORD", "").strip());
        return switch (e.family()) {
            case "redis" -> {
                if (emptyAllowed) {
                    yield "ALLOW_EMPTY_PASSWORD=yes starts Redis without a password";
                }
                boolean configured = cmd.contains("--requirepass") || cmd.contains("--aclfile") || cmd.contains(".conf")
                        || bitnami // Bitnami's images refuse to start without a password unless ALLOW_EMPTY_PASSWORD
                        || set(env, "REDIS_ARGS") && env.get("REDIS_ARGS").contains("requirepass");
                yield configured ? null : "Redis starts without --requirepass or an ACL file, so any client that reaches "
                        + "the port can read and write every key (and, with CONFIG, the host's files)";
            }
            case "mongo" -> {
                if (emptyAllowed) {
                    yield "ALLOW_EMPTY_PASSWORD=yes starts MongoDB without authentication";
                }
                boolean configured = set(env, "MONGO_INITDB_ROOT_USERNAME") || set(env, "MONGO_INITDB_ROOT_USERNAME_FILE")
                        || bitnami || cmd.contains("--auth")
                        || cmd.contains("--keyFile") || cmd.contains("--config") || cmd.contains(" -f ");
                yield configured ? null : "MongoDB starts without a root user (MONGO_INITDB_ROOT_USERNAME) or --auth, "
                        + "so it accepts every connection without a password";
            }
            case "elasticsearch" -> {
                String xpack = first(env, "xpack.security.enabled", "XPACK_SECURITY_ENABLED");
                String os = first(env, "plugins.security.disabled", "DISABLE_SECURITY_PLUGIN");
                if ("false".equalsIgnoreCase(xpack) || cmd.contains("xpack.security.enabled=false")) {
                    yield "xpack.security.enabled=false turns off Elasticsearch's authentication and TLS";
                }
                yield "true".equalsIgnoreCase(os) ? "the OpenSearch security plugin is disabled: no authentication "
                        + "and no TLS" : null;
            }
            case "rabbitmq" -> "guest".equals(strip(env.get("RABBITMQ_DEFAULT_PASS")))
                    || "guest".equals(strip(env.get("RABBITMQ_DEFAULT_USER"))) ? "RabbitMQ keeps the well-known "
                    + "guest/guest account" : null;
            default -> null;
        };
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            if (env.get(n) != null) {
                return env.get(n).strip();
            }
        }
        return null;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
