package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.ExecForms;
import io.archlens.syntax.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * A bracketed list that is not valid JSON ({@code CMD ['node', 'app.js']}): Docker silently treats it as a shell
 * command, which fails when the container starts.
 */
final class InvalidExecForm implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("invalid-exec-form", "Exec form that is not valid JSON",
            Severity.ERROR, Category.RELIABILITY).withFix();
    private static final List<String> KEYWORDS = List.of("CMD", "ENTRYPOINT", "RUN", "SHELL", "HEALTHCHECK");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        List<Instruction> all = new ArrayList<>(d.instructions());
        for (Instruction ins : d.instructions()) {
            if (ins.trigger() != null) {
                all.add(ins.trigger());
            }
        }
        for (Instruction ins : all) {
            if (!KEYWORDS.contains(ins.keyword()) || !ins.isMalformedExecForm()) {
                continue;
            }
            List<String> items = looseItems(ins);
            Fix[] fixes = items == null ? new Fix[0] : new Fix[] {Fix.safe("Rewrite as a JSON array",
                    Edit.replace(ins.commandRange(), Docker.jsonArray(items)))};
            ctx.report(ins.commandRange(), "This is meant as exec form but is not valid JSON (double quotes only, "
                    + "no trailing comma), so Docker runs it as the shell command '" + abbreviate(ins.command().strip())
                    + "', which cannot work; write it as " + (items == null ? "[\"executable\", \"arg\"]"
                    : Docker.jsonArray(items)), fixes);
        }
    }

    private static List<String> looseItems(Instruction ins) {
        String c = ins.command();
        return ExecForms.loose(c);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
