package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** EC2 instances and launch templates that still answer IMDSv1 (no session token required). */
public final class Ec2Imdsv1 extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/ec2-imdsv1",
            "Instance metadata service v1 is allowed", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM);

    private static final String WHY = ": with IMDSv1 any server-side request forgery on the instance reads the"
            + " instance role's credentials from 169.254.169.254; set metadata_options { http_tokens = \"required\" }";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_instance", "aws_launch_template", "aws_launch_configuration");
    }

    @Override
    void judge(Subject s) {
        HclBlock b = s.block();
        HclBlock mo = s.block(b, "metadata_options");
        if (mo == null) {
            s.missing("The " + b.label(0) + " " + b.label(1) + " has no metadata_options, so http_tokens defaults"
                    + " to \"optional\" (unless the AMI or account default says otherwise)" + WHY, null);
            return;
        }
        Subject.Attr endpoint = s.attr(mo, "http_endpoint");
        if (endpoint != null && (!endpoint.value().known() || "disabled".equals(endpoint.str()))) {
            return;
        }
        Subject.Attr tokens = s.attr(mo, "http_tokens");
        if (tokens == null) {
            s.missing(mo.typeRange(), "metadata_options of " + b.label(1) + " does not set http_tokens (default"
                    + " \"optional\")" + WHY, null);
        } else if ("optional".equals(tokens.str())) {
            s.bad(tokens, "http_tokens = \"optional\" on " + b.label(1) + WHY,
                    Tf.setValue(tokens.attr(), "\"required\"", false));
        }
    }
}
