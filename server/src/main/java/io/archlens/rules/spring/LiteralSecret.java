package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.spring.RelaxedNames;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password, secret, API key or token written literally instead of a {@code ${ENV}} placeholder. The value is
 * never printed. Development/test-only documents are skipped (throw-away local credentials).
 */
final class LiteralSecret extends SpringRule {
    static final RuleMeta META = spring("literal-secret",
            "A password, secret or token is written in the configuration file", Severity.ERROR,
            Category.SECURITY).withFix();
    private static final Pattern DEFAULTED = Pattern.compile("^\\s*\\$\\{([^}:]+):([^}]*)}\\s*$");
    private static final Pattern ENCODED = Pattern.compile("^\\{(?!noop})[a-z0-9-]+}.*", Pattern.CASE_INSENSITIVE);

    LiteralSecret() {
        super(META);
    }

    static boolean isSecretKey(SpringProperty p) {
        return SecretKeys.isSecretKey(p.key());
    }

    /** A secret-named property holding a literal value (not a placeholder, an encoded hash or a stand-in). */
    static boolean literal(SpringProperty p) {
        String v = p.value().trim();
        return isSecretKey(p) && !p.merged() && !v.contains("${") && !ENCODED.matcher(v).matches()
                && SecretValues.isLiteral(v);
    }

    /**
     * Defaults that stand for "no key" rather than a secret ({@code ${OPENAI_API_KEY:demo}}, {@code :none}): a
     * service started without the variable gets nothing anyone could use, so there is no secret in the file.
     */
    private static final java.util.Set<String> INERT = java.util.Set.of("demo", "test", "dummy", "fake", "example",
            "sample", "none", "null", "nil", "n/a", "na", "x", "xxx", "disabled", "unused", "unset", "missing");

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (SpringProperty p : doc.properties()) {
                if (!isSecretKey(p) || p.merged()) {
                    continue;
                }
                String v = p.value().trim();
                String env = RelaxedNames.envName(p.key());
                String placeholder = "${" + env + "}";
                if (v.contains("${")) {
                    Matcher m = DEFAULTED.matcher(v);
                    if (m.matches() && !m.group(2).isBlank() && !m.group(2).contains("$")
                            && !INERT.contains(m.group(2).trim().toLowerCase(java.util.Locale.ROOT))) {
                        String name = m.group(1).trim();
                        ctx.report(p.valueRange(), "'" + p.key() + "' falls back to a literal secret when " + name
                                + " is unset; drop the default so a missing secret fails at startup",
                                Fix.unsafe("Remove the literal default (${" + name + "})",
                                        SpringFixes.replaceValue(cfg, p, "${" + name + "}")));
                    }
                    continue;
                }
                if (ENCODED.matcher(v).matches() || !SecretValues.isLiteral(v)) {
                    continue;
                }
                ctx.report(p.valueRange(), "'" + p.key() + "' holds a literal secret that ships with the code and"
                        + " the image; read it from the environment or a secret store: " + placeholder,
                        Fix.unsafe("Read it from the environment (" + placeholder + ")",
                                SpringFixes.replaceValue(cfg, p, placeholder)));
            }
        }
    }
}
