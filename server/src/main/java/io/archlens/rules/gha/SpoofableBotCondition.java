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
import java.util.regex.Pattern;

/** Conditions that trust {@code github.actor} to be a bot: the actor is whoever triggered the latest event. */
public final class SpoofableBotCondition implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/spoofable-bot-condition",
            "Bot check on github.actor can be spoofed", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);
    private static final Pattern BOT = Pattern.compile("(?i)github(?:\\.actor|\\[\\s*'actor'\\s*])\\s*==\\s*'[^']*\\[bot]'"
            + "|github(?:\\.actor_id|\\[\\s*'actor_id'\\s*])\\s*==\\s*'?\\d+");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (!w.untrustedTrigger() && !w.triggeredBy("pull_request")) {
            return;
        }
        for (YNode cond : Gha.conditions(w)) {
            check(cond, ctx);
        }
    }

    private static void check(YNode cond, RuleContext ctx) {
        if (cond instanceof YScalar s) {
            io.archlens.core.TextRange r = Gha.find(ctx.text(), s, BOT);
            if (r != null) {
                ctx.report(r, "github.actor is whoever caused the latest event, not who wrote the change: anyone can"
                        + " get a bot's pull request re-run (or push to it) and pass this check; compare"
                        + " github.event.pull_request.user.login (the PR author) instead");
            }
        }
    }
}
