package io.archlens.rules.dotenv;

import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretValues;
import io.archlens.secrets.SecretKeys;
import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import java.util.Locale;

/**
 * A random-looking value (Shannon entropy thresholds in {@link Secrets}) under a key that does not announce a
 * secret and is not an id, hash or version. Secret-named keys are covered by env/hardcoded-secret, known
 * formats by env/secret-value.
 */
public final class HighEntropyValueRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/high-entropy-value", "Value looks like a random secret",
            Severity.WARNING, Category.SECURITY, FileKind.DOTENV);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        if (EnvFileRole.of(ctx.file().name()) == EnvFileRole.EXAMPLE) {
            return;
        }
        for (DotenvEntry e : env.entries()) {
            String v = e.value();
            if (!SecretValues.looksRandom(v) || SecretKeys.hint(e.key()) != SecretKeys.Hint.NONE
                    || SecretKeys.randomIsExpected(e.key()) || SecretValues.isPlaceholder(v) || SecretValues.isReference(v) || SecretScanner.shape(e.key(), v) != null) {
                continue;
            }
            String s = v.strip();
            ctx.report(e.contentRange(), "The value of " + e.key() + " looks like a random secret (" + s.length()
                    + " characters, " + String.format(Locale.ROOT, "%.1f", SecretValues.entropy(s)) + " bits of entropy per"
                    + " character); if it is a credential, keep it out of the repository and inject it at runtime,"
                    + " else suppress this finding");
        }
    }
}
