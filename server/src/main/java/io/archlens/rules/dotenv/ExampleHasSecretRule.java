package io.archlens.rules.dotenv;

import io.archlens.secrets.UrlPasswords;
import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretValues;
import io.archlens.secrets.SecretKeys;
import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import java.util.Locale;

/**
 * An example/template env file ({@code .env.example}, {@code .env.sample}, {@code .env.template}...) holding a
 * value that looks real: a known credential format, a random-looking value, or a random-looking URL password.
 * Placeholders ({@code changeme}, {@code <your-key>}, {@code xxx}, empty, {@code ${VAR}},
 * {@code your_api_key_here}) and obviously made-up values (containing "example", "test", short or low-entropy
 * ones) are fine.
 */
public final class ExampleHasSecretRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/example-has-secret", "Example env file contains a real-looking"
            + " secret", Severity.ERROR, Category.SECURITY, FileKind.DOTENV).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        if (EnvFileRole.of(ctx.file().name()) != EnvFileRole.EXAMPLE) {
            return;
        }
        for (DotenvEntry e : env.entries()) {
            String v = e.value();
            if (SecretValues.isPlaceholder(v) || SecretValues.isReference(v) || SecretValues.looksMadeUp(v) && v.indexOf("://") < 0) {
                continue;
            }
            SecretType s = SecretScanner.shape(e.key(), v);
            String what = null;
            if (s != null) {
                what = s.description();
            } else if (!SecretKeys.randomIsExpected(e.key()) && SecretValues.looksRandom(v)) {
                what = "real secret (" + v.strip().length() + " random-looking characters)";
                what = "a " + what;
            }
            if (what != null) {
                ctx.report(e.contentRange(), "The value of " + e.key() + " in this example file looks like " + what
                        + ": example files are committed and copied everywhere; revoke it and put a placeholder here",
                        Fix.safe("Replace with a placeholder", Edit.replace(e.contentRange(), placeholder(e.key()))));
                continue;
            }
            if (v.indexOf("://") < 0) {
                continue;
            }
            String raw = ctx.file().slice(e.contentRange());
            int base = e.contentRange().start();
            for (UrlPasswords.UrlPassword p : UrlPasswords.find(raw)) {
                String pw = raw.substring(p.start(), p.end());
                if (SecretValues.looksMadeUp(pw) || pw.contains("${") || pw.startsWith("$")) {
                    continue;
                }
                TextRange r = new TextRange(base + p.start(), base + p.end());
                ctx.report(r, "The " + p.scheme() + " URL in " + e.key() + " carries a real-looking password in an"
                        + " example file: example files are committed and copied everywhere; rotate it and use a"
                        + " placeholder", Fix.safe("Replace the password with a placeholder",
                                Edit.replace(r, "changeme")));
            }
        }
    }

    static String placeholder(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return "your_" + k + "_here";
    }
}
