package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import java.util.regex.Pattern;

/** {@code curl ... | bash} (and wget, and {@code bash <(curl ...)}) in run steps. */
public final class CurlPipeShell implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/curl-pipe-shell",
            "Step pipes a downloaded script into a shell", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    static final Pattern PIPE = Pattern.compile("\\b(?:curl|wget)\\b[^|\\n]*\\|\\s*(?:sudo\\s+(?:-\\S+\\s+)*)?"
            + "(?:ba|z|da)?sh\\b|\\b(?:ba|z)?sh\\s+<\\(\\s*(?:curl|wget)\\b[^)\\n]*\\)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                for (TextRange r : Gha.findAll(ctx.text(), s.run(), PIPE)) {
                    ctx.report(r, "This runs whatever the server returns at that moment, with the job's token and"
                            + " secrets, unverified and unpinned; download a released version, check its checksum or"
                            + " signature, then run it (or use a pinned action)");
                }
            }
        }
    }
}
