package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expressions that hand every secret to a step: {@code toJSON(secrets)} or a computed {@code secrets[...]} index. */
public final class AllSecretsExposed implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/all-secrets-exposed",
            "Every secret is handed to one step", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);
    private static final Pattern ALL = Pattern.compile("(?i)tojson\\(\\s*secrets\\s*\\)|\\bsecrets\\s*\\[\\s*(?!['\"])");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Gha.Expr e : Gha.fileExpressions(ctx.text())) {
            Matcher m = ALL.matcher(e.inner());
            if (m.find()) {
                ctx.report(e.range(), m.group().toLowerCase(Locale.ROOT).startsWith("tojson")
                        ? "toJSON(secrets) gives this step every secret of the repository and organisation, not the"
                        + " ones it needs: anything it runs (an action update, a dependency) can read them all;"
                        + " pass the secrets it needs by name"
                        : "A computed secrets[...] index lets the expression reach any secret, so GitHub cannot tell"
                        + " which ones the step uses; pass the secrets it needs by name");
            }
        }
    }
}
