package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;

/**
 * Kubernetes control planes reachable from the whole internet: EKS with the public endpoint on (the
 * default) and no CIDR restriction; GKE without master authorized networks and without a private endpoint.
 */
public final class ClusterEndpointPublic implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/cluster-endpoint-public",
            "Kubernetes API endpoint is open to the internet", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    private static final String WHAT = "; restrict it to your office/VPN ranges or make the endpoint private";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock c : f.resources("aws_eks_cluster")) {
            HclBlock vpc = c.block("vpc_config");
            if (vpc == null) {
                continue;
            }
            HclExpr pub = vpc.value("endpoint_public_access");
            Boolean on = Tf.bool(pub);
            if (Boolean.FALSE.equals(on) || pub != null && on == null) {
                continue;
            }
            HclExpr cidrs = vpc.value("public_access_cidrs");
            if (cidrs != null) {
                for (HclExpr i : Tf.items(cidrs)) {
                    String v = Tf.str(i);
                    if ("0.0.0.0/0".equals(v) || "::/0".equals(v)) {
                        ctx.report(i.range(), "EKS cluster " + c.label(1) + " accepts API calls from " + v + WHAT);
                    }
                }
                continue;
            }
            ctx.report(pub != null ? pub.range() : vpc.typeRange(), "EKS cluster " + c.label(1) + " has a public"
                    + " API endpoint" + (pub == null ? " (the default)" : "") + " open to 0.0.0.0/0: anyone can"
                    + " probe the control plane" + WHAT + " (public_access_cidrs, endpoint_public_access = false)");
        }
        for (HclBlock c : f.resources("google_container_cluster")) {
            HclBlock priv = c.block("private_cluster_config");
            if (priv != null && Boolean.TRUE.equals(Tf.attrBool(priv, "enable_private_endpoint"))) {
                continue;
            }
            HclBlock man = c.block("master_authorized_networks_config");
            if (man == null) {
                ctx.report(c.nameRange(), "GKE cluster " + c.label(1) + " has no master_authorized_networks_config"
                        + " and no private endpoint: its API server is reachable from anywhere" + WHAT);
                continue;
            }
            for (HclBlock cb : man.blocks("cidr_blocks")) {
                HclExpr v = cb.value("cidr_block");
                if ("0.0.0.0/0".equals(Tf.str(v))) {
                    ctx.report(v.range(), "GKE cluster " + c.label(1) + " authorizes 0.0.0.0/0 to reach its API"
                            + " server" + WHAT);
                }
            }
        }
    }
}
