package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;

/**
 * A relative WORKDIR before any absolute one in the stage (and the stages it builds on): it resolves against the
 * base image's working directory, which this file does not control.
 */
final class RelativeWorkdir implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("relative-workdir", "WORKDIR relative to an unknown directory",
            Severity.INFO, Category.RELIABILITY).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            if (s.parent() != null && s.parent().lastInherited("WORKDIR") != null) {
                continue;
            }
            for (Instruction ins : s.all("WORKDIR")) {
                if (ins.words().isEmpty()) {
                    break;
                }
                Word w = ins.words().get(0);
                String p = w.text();
                if (absolute(p)) {
                    break;
                }
                int at = w.range().start();
                char first = ctx.text().charAt(at);
                if (first == '"' || first == '\'') {
                    at++;
                }
                ctx.report(w.range(), "WORKDIR " + p + " is relative, so it lands wherever the base image's working "
                        + "directory happens to be; use an absolute path such as /" + p,
                        Fix.unsafe("Make it absolute: /" + p, Edit.insert(at, "/")));
                break;
            }
        }
    }

    static boolean absolute(String p) {
        return p.startsWith("/") || p.startsWith("$") || p.startsWith("\\")
                || p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':';
    }
}
