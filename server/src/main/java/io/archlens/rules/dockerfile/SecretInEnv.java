package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.KeyValue;
import java.util.Locale;
import java.util.Set;

/** ENV or ARG with a secret-looking name and a literal value. The message never repeats the value. */
final class SecretInEnv implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("secret-in-env", "Literal secret in ENV or ARG", Severity.ERROR,
            Category.SECURITY);
    private static final String[] SECRET_PARTS = {"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY",
        "API_KEY", "PRIVATE_KEY", "ACCESS_KEY", "AUTH_KEY", "CREDENTIALS", "CLIENT_KEY", "SIGNING_KEY",
        "ENCRYPTION_KEY"};
    private static final Set<String> SECRET_WORDS = Set.of("PASS", "PWD_HASH", "CREDS");
    private static final Set<String> NOT_SECRET_SUFFIX = Set.of("FILE", "PATH", "DIR", "URL", "URI", "HOST", "PORT",
            "USER", "USERNAME", "NAME", "HEADER", "LENGTH", "SIZE", "TTL", "TIMEOUT", "EXPIRY", "EXPIRATION", "EXPIRES",
            "ENABLED", "ID", "TYPE", "ALGORITHM", "FORMAT", "COUNT", "MIN", "MAX", "POLICY", "ENDPOINT", "REGION",
            "VERSION", "LOCATION", "ARN", "REF", "FIELD", "PARAM", "PREFIX", "SCOPE", "SCOPES", "ISSUER", "AUDIENCE",
            "REQUIRED", "MODE");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** True for names such as DB_PASSWORD, NPM_TOKEN, AWS_SECRET_ACCESS_KEY (but not PASSWORD_FILE, GPG_KEY). */
    static boolean secretName(String key) {
        String k = key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        String[] parts = k.split("_");
        if (parts.length > 1 && NOT_SECRET_SUFFIX.contains(parts[parts.length - 1])) {
            return false;
        }
        for (String s : SECRET_PARTS) {
            if (k.contains(s)) {
                return true;
            }
        }
        for (String p : parts) {
            if (SECRET_WORDS.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when the value is a literal: not empty, not only a variable reference, not a boolean, not a path. */
    static boolean literal(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        if (v.isEmpty() || v.startsWith("/run/secrets/") || v.startsWith("/var/run/secrets/")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false") || lower.equals("yes") || lower.equals("no")) {
            return false;
        }
        return !v.matches("\\$\\{?[A-Za-z_][A-Za-z0-9_]*(:?-[^}]*)?}?");
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction ins : d.instructions()) {
            boolean env = ins.is("ENV");
            if (!env && !ins.is("ARG")) {
                continue;
            }
            for (KeyValue kv : ins.keyValues()) {
                if (!secretName(kv.key()) || !literal(kv.value())) {
                    continue;
                }
                String where = env ? "ENV " + kv.key() + " bakes a literal secret into the image config, readable by "
                        + "anyone who can pull the image (docker inspect)"
                        : "ARG " + kv.key() + " has a literal secret as its default, stored in this file and in the "
                        + "image history";
                ctx.report(kv.range(), where + "; remove the value and provide it at run time (orchestrator "
                        + "secret or environment) or at build time with RUN --mount=type=secret");
            }
        }
    }
}
