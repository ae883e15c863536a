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
import java.util.Set;

/**
 * A key named like a secret ({@code *_PASSWORD}, {@code *_SECRET}, {@code *_TOKEN}, {@code *_API_KEY},
 * {@code PRIVATE_KEY}...) holding a literal value. A bare {@code *_KEY} with an unknown qualifier
 * ({@code STRIPE_KEY}, {@code PAGE_KEY}) counts only when the value looks like a credential, not a word.
 * Placeholders, references ({@code ${X}}, vault:, arn:),
 * file paths, booleans and URLs (see env/url-credentials) are not reported, nor values in a known token
 * format (env/secret-value reports those), nor anything in example files (env/example-has-secret).
 */
public final class HardcodedSecretRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/hardcoded-secret", "Secret stored as a literal value",
            Severity.WARNING, Category.SECURITY, FileKind.DOTENV);
    private static final Set<String> FLAGS = Set.of("true", "false", "yes", "no", "on", "off", "0", "1");

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
            SecretKeys.Hint hint = SecretKeys.hint(e.key());
            if (hint == SecretKeys.Hint.NONE || hint == SecretKeys.Hint.WEAK && !SecretValues.credentialLike(v)
                    || SecretValues.isPlaceholder(v) || SecretValues.isReference(v)
                    || SecretValues.isFilePath(v) || v.contains("://") || FLAGS.contains(v.strip().toLowerCase(Locale.ROOT))
                    || SecretScanner.shape(e.key(), v) != null) {
                continue;
            }
            ctx.report(e.contentRange(), e.key() + " holds a literal secret in this file: anyone with the repository"
                    + " or an image layer can read it; keep the file out of version control and inject the value"
                    + " from a secret manager or the deployment environment");
        }
    }
}
