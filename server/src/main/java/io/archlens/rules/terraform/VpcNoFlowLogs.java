package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * A VPC with no {@code aws_flow_log} pointing at it anywhere in the module; a flow log whose {@code vpc_id} goes
 * through a local or a variable may point at it, and counts. A GCP subnetwork without {@code log_config}.
 */
public final class VpcNoFlowLogs extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/vpc-no-flow-logs",
            "Network has no flow logs", Severity.INFO, Category.OBSERVABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_vpc", "google_compute_subnetwork");
    }

    @Override
    void judge(Subject s) {
        HclBlock b = s.block();
        if (s.type().equals("google_compute_subnetwork")) {
            if (s.block(b, "log_config") == null && !TfArgs.is(s.attr("purpose"), "INTERNAL_HTTPS_LOAD_BALANCER",
                    "REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "PRIVATE_SERVICE_CONNECT")) {
                s.missing("Subnetwork " + b.label(1) + " has no log_config: VPC flow logs are off, so there is no"
                        + " record of which addresses talked to what, for incident response or for finding what"
                        + " still uses a port; add log_config { aggregation_interval = \"INTERVAL_5_SEC\" }", null);
            }
            return;
        }
        if (!Tf.linked(s.file().model(), "aws_flow_log", "vpc_id", b, null).isEmpty()) {
            return;
        }
        for (HclBlock log : s.file().model().moduleResources("aws_flow_log")) {
            if (!Tf.references(log.value("vpc_id"), "aws_vpc")) {
                return; // through a local or a variable: it may well be this VPC
            }
        }
        s.missing("VPC " + b.label(1) + " has no aws_flow_log in this module (assuming none is declared elsewhere):"
                + " without flow logs there is no record of which addresses talked to what, for incident response"
                + " or for finding what still uses a port", null);
    }
}
