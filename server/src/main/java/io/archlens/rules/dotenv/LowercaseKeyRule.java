package io.archlens.rules.dotenv;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
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
 * Keys with lower-case letters. Environment variables are case-sensitive, and code conventionally reads
 * upper-case names. {@code http_proxy}-style and {@code npm_config_*} keys are lower case by convention.
 */
public final class LowercaseKeyRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/lowercase-key", "Key is not upper case", Severity.INFO,
            Category.MAINTAINABILITY, FileKind.DOTENV).withFix();
    private static final Set<String> CONVENTIONAL = Set.of("http_proxy", "https_proxy", "no_proxy", "ftp_proxy",
            "all_proxy");

    private static boolean hasLowerCase(String k) {
        for (int i = 0; i < k.length(); i++) {
            if (Character.isLowerCase(k.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        for (DotenvEntry e : env.entries()) {
            String k = e.key();
            if (!hasLowerCase(k) || !InvalidKeyRule.isValid(k) || CONVENTIONAL.contains(k)
                    || k.startsWith("npm_config_")) {
                continue;
            }
            String upper = k.toUpperCase(Locale.ROOT);
            ctx.report(e.keyRange(), "Key " + k + " is not upper case: variables are case-sensitive and code"
                    + " usually reads " + upper + ", so this one is easily missed; rename it to " + upper,
                    Fix.unsafe("Rename to " + upper + " (update the code that reads it)",
                            Edit.replace(e.keyRange(), upper)));
        }
    }
}
