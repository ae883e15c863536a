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
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;

/** {@code pip install} without {@code --no-cache-dir} in a stage that ships. */
final class PipNoCacheDir implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("pip-no-cache-dir", "pip install keeps its download cache in the image",
            Severity.INFO, Category.PERFORMANCE).withFix();

    private static final String KEY = "PIP_NO_CACHE_DIR";

    /** pip reads 0, false, no and off as "keep the cache"; an unknown value (a variable) counts as set. */
    static boolean truthy(String v) {
        if (v == null) {
            return false;
        }
        String t = v.strip().replace("\"", "").replace("'", "").toLowerCase(java.util.Locale.ROOT);
        return !(t.isEmpty() || t.equals("0") || t.equals("false") || t.equals("no") || t.equals("off"));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.shippedStages()) {
            if (truthy(Docker.envValueInChain(s, KEY))) {
                continue;
            }
            for (Instruction run : Docker.runs(s)) {
                if (Docker.outOfLayer(run, "/root/.cache", "/home/", "/tmp/pip")) {
                    continue;
                }
                boolean exported = false;
                for (ShellCommand c : run.commands()) {
                    if ("export".equals(c.name())) {
                        for (Word w : c.argv()) {
                            if (w.text().startsWith(KEY + "=")) {
                                exported = truthy(w.text().substring(KEY.length() + 1));
                            }
                        }
                        continue;
                    }
                    Word install = Docker.pipInstall(c);
                    if (install == null || c.hasOption("--no-cache-dir") || exported
                            || truthy(Docker.assignedValue(c, KEY))) {
                        continue;
                    }
                    ctx.report(Docker.span(c, install), "pip keeps every downloaded wheel in ~/.cache/pip, which "
                            + "ends up in this layer; add --no-cache-dir (or set ENV PIP_NO_CACHE_DIR=1)",
                            Fix.safe("Add --no-cache-dir", Edit.insert(install.range().end(), " --no-cache-dir")));
                }
            }
        }
    }
}
