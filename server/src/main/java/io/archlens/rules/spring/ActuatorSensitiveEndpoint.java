package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import java.util.Locale;
import java.util.Map;

/** A sensitive actuator endpoint named explicitly in the web exposure list. */
final class ActuatorSensitiveEndpoint extends SpringRule {
    static final RuleMeta META = spring("actuator-sensitive-endpoint",
            "A sensitive actuator endpoint is exposed over HTTP", Severity.WARNING, Category.SECURITY);

    /** Endpoint id -> what it gives an attacker. */
    static final Map<String, String> SENSITIVE = Map.ofEntries(
            Map.entry("heapdump", "a memory dump with credentials, tokens and session data"),
            Map.entry("threaddump", "stack traces of every thread"),
            Map.entry("env", "the environment and configuration properties"),
            Map.entry("configprops", "every bound configuration property"),
            Map.entry("shutdown", "a one-request shutdown of the application"),
            Map.entry("loggers", "changing log levels at runtime"),
            Map.entry("logfile", "the application log"),
            Map.entry("jolokia", "JMX over HTTP, historically a code execution vector"),
            Map.entry("sessions", "listing and deleting user sessions"),
            Map.entry("httpexchanges", "recent requests with their headers"),
            Map.entry("httptrace", "recent requests with their headers"),
            Map.entry("gateway", "changing gateway routes at runtime"));

    ActuatorSensitiveEndpoint() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (SpringDocument.Item item : doc.list(ActuatorExposesAll.INCLUDE, ctx.text())) {
                String id = item.value().toLowerCase(Locale.ROOT);
                String what = SENSITIVE.get(id);
                if (what != null) {
                    ctx.report(item.range(), "Actuator endpoint '" + id + "' is exposed over HTTP and gives "
                            + what + "; remove it from exposure.include or serve it on an internal-only"
                            + " management port behind authentication");
                }
            }
        }
    }
}
