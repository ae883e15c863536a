package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;
import java.util.List;

/**
 * A root module (it configures providers) whose {@code terraform} block declares neither a backend nor
 * {@code cloud}: the state stays in a local file. Only files with both a terraform block and a provider block
 * are judged; a backend in another file of the module (saved on disk) counts.
 */
public final class NoRemoteBackend implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/no-remote-backend",
            "Root module keeps its state in a local file", Severity.INFO, Category.RELIABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        List<HclBlock> ts = f.blocks("terraform");
        if (ts.isEmpty() || f.blocks("provider").isEmpty()) {
            return;
        }
        for (HclBlock t : f.moduleBlocks("terraform")) {
            if (t.block("backend") != null || t.block("cloud") != null) {
                return;
            }
        }
        ctx.report(ts.get(0).typeRange(), "This root module configures providers but no backend: the state"
                + " (with every secret in it) stays in a local terraform.tfstate, unshared and unlocked; add a"
                + " backend with locking (none of the module's .tf files declares one)");
    }
}
