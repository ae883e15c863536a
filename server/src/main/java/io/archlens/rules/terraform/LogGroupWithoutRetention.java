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

/** CloudWatch log groups that keep logs forever. */
public final class LogGroupWithoutRetention implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/log-group-without-retention",
            "Log group keeps logs forever", Severity.WARNING, Category.COST, FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock b : f.resources("aws_cloudwatch_log_group")) {
            HclAttribute a = b.attr("retention_in_days");
            if (a == null) {
                Tf.report(ctx, b.nameRange(), "Log group " + b.label(1) + " has no retention_in_days, so logs are"
                        + " kept (and billed) forever and personal data in them is never deleted; set a retention"
                        + " that matches your audit needs (e.g. 30)",
                        Tf.addAttribute(ctx.file(), b, "retention_in_days = 30", false));
            } else {
                Double d = Tf.num(a.value());
                if (d != null && d == 0) {
                    Tf.report(ctx, a.value().range(), "retention_in_days = 0 means never expire for log group "
                            + b.label(1) + "; set a retention that matches your audit needs (e.g. 30)",
                            Tf.setValue(a, "30", false));
                }
            }
        }
    }
}
