package io.archlens.rules.spring;

import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.List;
import java.util.Locale;

/**
 * The JDBC connection pools Spring Boot configures, each with its own property names and defaults. Which one a
 * document uses: {@code spring.datasource.type}, else the pool whose {@code spring.datasource.<pool>.*}
 * properties it (or a profile-independent document of the file) sets, else HikariCP (Boot's default).
 */
enum Pools {
    HIKARI("hikari", "HikariCP", "com.zaxxer.hikari", "connection-timeout", "waits up to 30s (the default)",
            "max-lifetime", "live 30 min (the default), longer than many proxy and firewall idle cuts",
            "maximum-pool-size"),
    // Druid and DBCP2 validate a connection idle for a while before handing it out (test-while-idle,
    // test-on-borrow by default), so a connection cut by a firewall is replaced: no lifetime needed
    DRUID("druid", "Druid", "druid", "max-wait", "waits forever (Druid's default -1)", null, null, "max-active"),
    TOMCAT("tomcat", "Tomcat JDBC", "org.apache.tomcat.jdbc", "max-wait", "waits up to 30s (the default)",
            "max-age", "are never retired (Tomcat JDBC's default max-age 0)", "max-active"),
    DBCP2("dbcp2", "Commons DBCP2", "dbcp2", "max-wait-millis", "waits forever (DBCP2's default -1)", null, null,
            "max-total");

    final String prefix;
    final String label;
    final String typeMarker;
    final String timeout;
    final String timeoutDefault;
    final String lifetime;
    final String lifetimeDefault;
    final String size;

    Pools(String id, String label, String typeMarker, String timeout, String timeoutDefault, String lifetime,
            String lifetimeDefault, String size) {
        this.prefix = "spring.datasource." + id;
        this.label = label;
        this.typeMarker = typeMarker;
        this.timeout = timeout;
        this.timeoutDefault = timeoutDefault;
        this.lifetime = lifetime;
        this.lifetimeDefault = lifetimeDefault;
        this.size = size;
    }

    /** The canonical key of one of this pool's properties ({@code spring.datasource.druid.max-wait}). */
    String key(String property) {
        return SpringRule.key(prefix + "." + property);
    }

    /** The canonical keys that set the acquisition timeout (DBCP2 2.10 also binds {@code max-wait}). */
    List<String> timeoutKeys() {
        return this == DBCP2 ? List.of(key(timeout), key("max-wait")) : List.of(key(timeout));
    }

    /** The full, written name of one of this pool's properties. */
    String name(String property) {
        return prefix + "." + property;
    }

    private static final String TYPE = SpringRule.key("spring.datasource.type");

    /** The pool {@code spring.datasource.type} names (in the document or the file's defaults), or null. */
    static Pools declared(SpringConfig cfg, SpringDocument doc) {
        SpringProperty type = cfg.effective(doc, TYPE);
        if (type != null && !type.hasPlaceholder()) {
            String t = type.value().toLowerCase(Locale.ROOT);
            for (Pools p : values()) {
                if (t.contains(p.typeMarker)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The pool the document uses (see the class comment). */
    static Pools of(SpringConfig cfg, SpringDocument doc) {
        Pools declared = declared(cfg, doc);
        if (declared != null) {
            return declared;
        }
        for (Pools p : List.of(DRUID, TOMCAT, DBCP2)) {
            if (doc.hasPrefix(SpringRule.key(p.prefix))) {
                return p;
            }
        }
        for (SpringDocument d : cfg.documents()) {
            if (d.unconditional()) {
                for (Pools p : List.of(DRUID, TOMCAT, DBCP2)) {
                    if (d.hasPrefix(SpringRule.key(p.prefix))) {
                        return p;
                    }
                }
            }
        }
        return HIKARI;
    }

    /** The datasource URL of the document: {@code spring.datasource.url}, or Druid's own {@code ...druid.url}. */
    static SpringProperty url(SpringDocument doc) {
        SpringProperty u = doc.get(SpringRule.key("spring.datasource.url"));
        return u != null ? u : doc.get(DRUID.key("url"));
    }
}
