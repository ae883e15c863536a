package io.archlens.rules.dotenv;

import io.archlens.secrets.UrlPasswords;
import io.archlens.secrets.SecretValues;
import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;

/**
 * A URL with an embedded password ({@code postgres://user:pass@host}, {@code redis://:pass@host}); reported on
 * the password itself. Interpolated passwords ({@code ${DB_PASSWORD}}) and placeholders are fine.
 */
public final class UrlCredentialsRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/url-credentials", "Password embedded in a URL", Severity.WARNING,
            Category.SECURITY, FileKind.DOTENV);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** {@code DATABASE_URL} gives {@code DATABASE_PASSWORD}, {@code REDIS_DSN} gives {@code REDIS_PASSWORD}. */
    static String passwordVariable(String key) {
        String k = key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        for (String suffix : new String[] {"_URL", "_URI", "_DSN", "_CONNECTION_STRING", "_ADDR"}) {
            if (k.endsWith(suffix) && k.length() > suffix.length()) {
                return k.substring(0, k.length() - suffix.length()) + "_PASSWORD";
            }
        }
        return k + "_PASSWORD";
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        if (EnvFileRole.of(ctx.file().name()) == EnvFileRole.EXAMPLE) {
            return;
        }
        for (DotenvEntry e : env.entries()) {
            if (e.value().indexOf("://") < 0) {
                continue;
            }
            String raw = ctx.file().slice(e.contentRange());
            int base = e.contentRange().start();
            for (UrlPasswords.UrlPassword p : UrlPasswords.find(raw)) {
                String pw = raw.substring(p.start(), p.end());
                if (SecretValues.isPlaceholder(pw) || pw.contains("${") || pw.startsWith("$")) {
                    continue;
                }
                ctx.report(new TextRange(base + p.start(), base + p.end()), e.key() + " embeds a password in a "
                        + p.scheme() + " URL: connection URLs end up in logs, error messages and process lists;"
                        + " interpolate it (${" + passwordVariable(e.key()) + "}) from a secret or pass it separately");
            }
        }
    }
}
