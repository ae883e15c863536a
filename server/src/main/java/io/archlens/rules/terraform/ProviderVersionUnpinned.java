package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;

/** {@code required_providers} entries without a version constraint. */
public final class ProviderVersionUnpinned implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/provider-version-unpinned",
            "Provider has no version constraint", Severity.WARNING, Category.RELIABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock t : f.blocks("terraform")) {
            for (HclBlock rp : t.blocks("required_providers")) {
                for (HclAttribute a : rp.body().attributes()) {
                    HclExpr v = a.value();
                    boolean missing;
                    if (v instanceof HclExpr.Obj o) {
                        HclExpr ver = o.get("version");
                        String s = Tf.str(ver);
                        missing = ver == null || s != null && s.isBlank();
                    } else {
                        String s = Tf.str(v);
                        missing = s != null && s.isBlank();
                    }
                    if (missing) {
                        ctx.report(a.nameRange(), "Provider " + a.name() + " has no version constraint: the next"
                                + " init can pull a new major version with breaking changes; add version = \"~> X.Y\""
                                + " and commit .terraform.lock.hcl");
                    }
                }
            }
        }
    }
}
