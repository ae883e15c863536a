package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import java.util.regex.Pattern;

/** {@code fromJSON(secrets.X)}: fields of a structured secret are not masked in logs. */
public final class UnredactedSecret implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/unredacted-secret",
            "Secret fields escape log masking", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);
    private static final Pattern FROM_JSON = Pattern.compile("(?i)fromjson\\(\\s*secrets\\.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Gha.Expr e : Gha.fileExpressions(ctx.text())) {
            if (FROM_JSON.matcher(e.inner()).find()) {
                ctx.report(e.range(), "fromJSON(secrets....) takes a field out of a structured secret: GitHub masks"
                        + " the secret's whole text in logs, not the field, so the value can be printed in clear;"
                        + " store each value as its own secret");
            }
        }
    }
}
