package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** CloudWatch log groups that keep logs forever (retention judged on its evaluated value). */
public final class LogGroupWithoutRetention extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/log-group-without-retention",
            "Log group keeps logs forever", Severity.WARNING, Category.COST, FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_cloudwatch_log_group");
    }

    @Override
    void judge(Subject s) {
        HclBlock b = s.block();
        Subject.Attr a = s.attr("retention_in_days");
        if (a == null) {
            s.missing("Log group " + b.label(1) + " has no retention_in_days, so logs are kept (and billed) forever"
                    + " and personal data in them is never deleted; set a retention that matches your audit needs"
                    + " (e.g. 30)", s.addAttribute(b, "retention_in_days = 30", false));
        } else {
            Double d = a.num();
            if (d != null && d == 0) {
                s.bad(a, "retention_in_days = 0 means never expire for log group " + b.label(1) + "; set a"
                        + " retention that matches your audit needs (e.g. 30)", Tf.setValue(a.attr(), "30", false));
            }
        }
    }
}
