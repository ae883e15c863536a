package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.List;

/**
 * Managed Kubernetes clusters that keep an access path around RBAC or leave pod traffic unfiltered: GKE legacy
 * ABAC, client certificates, no network policy; AKS with RBAC off or local admin accounts.
 */
public final class KubernetesClusterHardening extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/kubernetes-cluster-hardening",
            "Managed Kubernetes cluster bypasses RBAC or leaves pod traffic open", Severity.WARNING,
            Category.SECURITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("google_container_cluster", "azurerm_kubernetes_cluster");
    }

    @Override
    void judge(Subject s) {
        String n = s.name();
        if (s.type().equals("azurerm_kubernetes_cluster")) {
            TfArgs.flag(s, "role_based_access_control_enabled", true, "AKS cluster " + n + " has RBAC turned off:"
                    + " every authenticated user is cluster admin; set role_based_access_control_enabled = true"
                    + " (only when the cluster is created)", null);
            TfArgs.flag(s, "role_based_access_control.enabled", true, "AKS cluster " + n + " has RBAC turned off:"
                    + " every authenticated user is cluster admin; enable it (only when the cluster is created)",
                    null);
            TfArgs.flag(s, "local_account_disabled", true, "AKS cluster " + n + " keeps its local admin account"
                    + " (local_account_disabled = false): a static kubeconfig with cluster-admin rights bypasses"
                    + " Entra ID and cannot be revoked per user; set it to true with Entra ID RBAC", "AKS cluster "
                    + n + " keeps its local admin account (local_account_disabled not set, default false): a static"
                    + " kubeconfig with cluster-admin rights bypasses Entra ID and cannot be revoked per user; set"
                    + " local_account_disabled = true with Entra ID RBAC");
            return;
        }
        TfArgs.flag(s, "enable_legacy_abac", false, "GKE cluster " + n + " enables legacy ABAC: permissions granted"
                + " outside RBAC, broad and hard to audit; set enable_legacy_abac = false", null);
        TfArgs.flag(s, "master_auth.client_certificate_config.issue_client_certificate", false, "GKE cluster " + n
                + " issues a client certificate: a long-lived credential with admin rights that cannot be revoked;"
                + " set issue_client_certificate = false (changing it recreates the cluster)", null);
        Subject.Attr autopilot = s.attr("enable_autopilot");
        if (autopilot != null && autopilot.isTrue() || TfArgs.is(s.attr("datapath_provider"), "ADVANCED_DATAPATH")) {
            return; // Dataplane V2 enforces network policies
        }
        TfArgs.flag(s, "network_policy.enabled", true, "GKE cluster " + n + " has network policy enforcement off:"
                + " NetworkPolicy objects are ignored and every pod can reach every other pod; enable network_policy"
                + " or use datapath_provider = \"ADVANCED_DATAPATH\"", "GKE cluster " + n + " enforces no network"
                + " policies (no network_policy { enabled = true }, no Dataplane V2): every pod can reach every"
                + " other pod, so one compromised pod reaches the databases; enable network_policy or use"
                + " datapath_provider = \"ADVANCED_DATAPATH\"");
    }
}
