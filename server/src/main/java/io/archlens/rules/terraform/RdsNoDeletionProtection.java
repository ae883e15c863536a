package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;

/** Databases that one {@code terraform destroy} (or a renamed resource) can delete. */
public final class RdsNoDeletionProtection implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/rds-no-deletion-protection",
            "Database has no deletion protection", Severity.WARNING, Category.RELIABILITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock b : Rds.storageOwners(f)) {
            if (b.label(0).equals("aws_db_instance") && Rds.auroraMember(b)) {
                continue;
            }
            HclAttribute a = b.attr("deletion_protection");
            String why = ": a destroy, a replacement forced by a changed argument or a renamed resource deletes the"
                    + " database; set deletion_protection = true";
            if (a == null) {
                Tf.report(ctx, b.nameRange(), "The " + Rds.kind(b) + " " + b.label(1)
                        + " does not enable deletion_protection" + why,
                        Tf.addAttribute(ctx.file(), b, "deletion_protection = true", true));
            } else if (Boolean.FALSE.equals(Tf.bool(a.value()))) {
                Tf.report(ctx, a.value().range(), "deletion_protection = false on " + b.label(1) + why,
                        Tf.setValue(a, "true", false));
            }
        }
    }
}
