package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code contains('a,b', github.ref)}: a substring test on a string literal, which other values pass. */
public final class BypassableContains implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/bypassable-contains",
            "contains() on a string literal can be bypassed", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);
    private static final Pattern LITERAL = Pattern.compile("(?i)contains\\(\\s*'([^']*)'\\s*,\\s*([\\w.\\[\\]'*-]+)\\s*\\)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (YNode cond : Gha.conditions(w)) {
            check(cond, ctx);
        }
    }

    private static void check(YNode cond, RuleContext ctx) {
        if (!(cond instanceof YScalar s)) {
            return;
        }
        Matcher m = LITERAL.matcher(s.value());
        while (m.find()) {
            String ctxName = m.group(2).toLowerCase(Locale.ROOT);
            if (ctxName.startsWith("github.") || ctxName.startsWith("env.") || ctxName.startsWith("inputs.")
                    || ctxName.startsWith("runner.")) {
                ctx.report(s.range(), "contains('" + m.group(1) + "', " + m.group(2) + ") tests whether the value is"
                        + " a substring of the literal, so shorter or partial values pass too (a branch named 'main,'"
                        + " parts of another name); compare with == or use contains(fromJSON('[...]'), value)");
                return;
            }
        }
    }
}
