package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.eval.Value;
import java.util.List;

/**
 * Kubernetes control planes reachable from the whole internet: EKS with the public endpoint on (the
 * default) and no CIDR restriction; GKE without master authorized networks and without a private endpoint.
 */
public final class ClusterEndpointPublic extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/cluster-endpoint-public",
            "Kubernetes API endpoint is open to the internet", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    private static final String WHAT = "; restrict it to your office/VPN ranges or make the endpoint private";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_eks_cluster", "google_container_cluster", "azurerm_kubernetes_cluster");
    }

    @Override
    void judge(Subject s) {
        if (s.type().equals("aws_eks_cluster")) {
            eks(s);
        } else if (s.type().equals("azurerm_kubernetes_cluster")) {
            aks(s);
        } else {
            gke(s);
        }
    }

    private static void eks(Subject s) {
        HclBlock vpc = s.block(s.block(), "vpc_config");
        if (vpc == null) {
            return;
        }
        Subject.Attr pub = s.attr(vpc, "endpoint_public_access");
        if (pub != null && !pub.isTrue()) {
            return;
        }
        Subject.Attr cidrs = s.attr(vpc, "public_access_cidrs");
        if (cidrs != null && cidrs.value().known() && cidrs.value().list() != null && cidrs.value().list().isEmpty()) {
            cidrs = null; // an empty list means the default, 0.0.0.0/0
        }
        if (cidrs != null) {
            List<Value> items = cidrs.value().known() ? cidrs.value().list() : null;
            String world = null;
            int index = -1;
            for (int i = 0; items != null && i < items.size(); i++) {
                String v = items.get(i).str();
                if ("0.0.0.0/0".equals(v) || "::/0".equals(v)) {
                    world = v;
                    index = i;
                    break;
                }
            }
            if (world == null) {
                return;
            }
            String msg = "EKS cluster " + s.name() + " accepts API calls from " + world + WHAT;
            if (s.local() && cidrs.literal() && cidrs.attr().value() instanceof HclExpr.Tuple t) {
                s.missing(t.items().get(index).range(), msg, null);
            } else if (!s.bad(cidrs, msg, null) && pub != null) {
                s.bad(pub, msg, null);
            }
            return;
        }
        String msg = "EKS cluster " + s.name() + " has a public API endpoint" + (pub == null ? " (the default)" : "")
                + " open to 0.0.0.0/0: anyone can probe the control plane" + WHAT
                + " (public_access_cidrs, endpoint_public_access = false)";
        if (pub != null) {
            s.bad(pub, msg, null);
        } else {
            s.missing(vpc.typeRange(), msg, null);
        }
    }

    /** AKS: a private cluster, or authorized IP ranges (api_server_access_profile, or the older argument). */
    private static void aks(Subject s) {
        Subject.Attr priv = s.attr("private_cluster_enabled");
        if (priv != null && !priv.isFalse()) {
            return;
        }
        HclBlock profile = s.block(s.block(), "api_server_access_profile");
        Subject.Attr ranges = profile != null ? s.attr(profile, "authorized_ip_ranges")
                : s.attr("api_server_authorized_ip_ranges");
        if (ranges != null) {
            List<Value> items = ranges.value().known() ? ranges.value().list() : null;
            if (items == null) {
                return;
            }
            for (Value v : items) {
                if ("0.0.0.0/0".equals(v.str())) {
                    s.bad(ranges, "AKS cluster " + s.name() + " authorizes 0.0.0.0/0 to reach its API server" + WHAT,
                            null);
                    return;
                }
            }
            if (!items.isEmpty()) {
                return;
            }
        }
        s.missing("AKS cluster " + s.name() + " is not private and has no authorized IP ranges: its API server is"
                + " reachable from anywhere" + WHAT + " (api_server_access_profile { authorized_ip_ranges },"
                + " private_cluster_enabled = true)", null);
    }

    private static void gke(Subject s) {
        HclBlock c = s.block();
        HclBlock priv = s.block(c, "private_cluster_config");
        Subject.Attr privateEndpoint = priv == null ? null : s.attr(priv, "enable_private_endpoint");
        if (privateEndpoint != null && (privateEndpoint.isTrue() || !privateEndpoint.value().known())) {
            return;
        }
        HclBlock man = s.block(c, "master_authorized_networks_config");
        if (man == null) {
            s.missing("GKE cluster " + c.label(1) + " has no master_authorized_networks_config and no private"
                    + " endpoint: its API server is reachable from anywhere" + WHAT, null);
            return;
        }
        for (HclBlock cb : s.blocks(man, "cidr_blocks")) {
            Subject.Attr v = s.attr(cb, "cidr_block");
            if (v != null && "0.0.0.0/0".equals(v.str())) {
                s.bad(v, "GKE cluster " + c.label(1) + " authorizes 0.0.0.0/0 to reach its API server" + WHAT, null);
            }
        }
    }
}
