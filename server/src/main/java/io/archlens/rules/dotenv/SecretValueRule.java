package io.archlens.rules.dotenv;

import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretValues;
import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;

/**
 * A value in a well-known credential format (AWS access key id, GitHub/GitLab/npm tokens, OpenAI/Anthropic
 * keys, Slack tokens and webhooks, Stripe secret keys, Google API keys, SendGrid keys, JWTs, PEM private
 * keys), whatever the key is called. The message names the format, never the value.
 */
public final class SecretValueRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/secret-value", "Value is a credential in a known format",
            Severity.ERROR, Category.SECURITY, FileKind.DOTENV);

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
            SecretType s = SecretScanner.shape(e.key(), e.value());
            if (s == null || SecretValues.isPlaceholder(e.value())) {
                continue;
            }
            ctx.report(e.contentRange(), "The value of " + e.key() + " looks like " + s.description() + ": treat it"
                    + " as leaked once committed; revoke it, remove it from the file and load it from a secret store");
        }
    }
}
