package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import java.util.regex.Pattern;

/** Writes to {@code $GITHUB_ENV} / {@code $GITHUB_PATH} in workflows started by outsiders' events. */
public final class UntrustedEnvWrite implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/untrusted-env-write",
            "Privileged workflow writes to GITHUB_ENV or GITHUB_PATH", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);
    private static final Pattern WRITE = Pattern.compile(">>?\\s*\"?\\$\\{?(?:env:)?GITHUB_(?:ENV|PATH)\\b|\\$env:GITHUB_(?:ENV|PATH)\\b"
            + "|Out-File[^\\n]*GITHUB_(?:ENV|PATH)|Add-Content[^\\n]*GITHUB_(?:ENV|PATH)");

    private static final Pattern VARIABLE = Pattern.compile("[$`%]");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (!w.triggeredBy("pull_request_target") && !w.triggeredBy("workflow_run")) {
            return;
        }
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                io.archlens.core.TextRange r = null;
                for (io.archlens.core.TextRange w2 : Gha.findAll(ctx.text(), s.run(), WRITE)) {
                    int ls = ctx.text().lastIndexOf('\n', w2.start()) + 1;
                    if (r == null && VARIABLE.matcher(ctx.text().substring(ls, w2.start())).find()) {
                        r = w2; // a written value that varies; constant lines (status=success) are harmless
                    }
                }
                if (r != null) {
                    ctx.report(r, "This step writes to GITHUB_ENV/GITHUB_PATH in a workflow that runs with secrets on"
                            + " outsiders' events: if any written value comes from the event or its artifacts, an"
                            + " attacker sets LD_PRELOAD, NODE_OPTIONS or PATH for every later step; write to a"
                            + " step output (GITHUB_OUTPUT) and pass it through env: explicitly");
                }
            }
        }
    }
}
