package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.Map;
import java.util.Set;

/** {@code server.error.include-stacktrace/include-message/include-exception} exposing internals to clients. */
final class ErrorDetailsExposed extends SpringRule {
    static final RuleMeta META = spring("error-details-exposed",
            "Error responses include stack traces, exception messages or class names", Severity.WARNING,
            Category.SECURITY).withFix();
    /** canonical key -> (values that expose, the safe value). */
    private static final Map<String, Set<String>> EXPOSING = Map.of(
            key("server.error.include-stacktrace"), Set.of("always", "onparam", "ontraceparam"),
            key("server.error.include-message"), Set.of("always", "onparam"),
            key("server.error.include-exception"), Set.of("true"));

    ErrorDetailsExposed() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (Map.Entry<String, Set<String>> e : EXPOSING.entrySet()) {
                for (SpringProperty p : last(doc, e.getKey())) {
                    String v = lower(p.value()).replace("-", "").replace("_", "");
                    if (!e.getValue().contains(v)) {
                        continue;
                    }
                    boolean bool = e.getKey().endsWith("includeexception");
                    String safe = bool ? "false" : "never";
                    ctx.report(p.valueRange(), p.key() + "=" + p.value().trim() + " sends internal details (stack"
                            + " frames, SQL, file paths, library versions) to any client; use " + safe
                            + " and log the details server-side",
                            Fix.unsafe("Set to " + safe, SpringFixes.replaceValue(cfg, p, safe)));
                }
            }
        }
    }
}
