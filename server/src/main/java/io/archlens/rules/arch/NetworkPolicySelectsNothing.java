package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.NetPolicy;
import io.archlens.model.Facts.Peer;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Loc;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.List;
import java.util.Map;

/**
 * A NetworkPolicy whose pod selector, or a peer's pod selector in the same namespace, matches no workload of the
 * namespace: the policy protects nothing, or its rule allows traffic from pods that do not exist.
 */
public final class NetworkPolicySelectsNothing implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/network-policy-selects-nothing",
            "A NetworkPolicy selects no workload", Severity.WARNING, Category.SECURITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (NetPolicy p : NetworkPolicyGaps.all(model)) {
            List<Node> inNs = model.nodesIn(Platform.KUBERNETES, p.scope());
            if (inNs.isEmpty()) {
                continue; // the namespace's workloads are not in this project
            }
            if (!p.all() && !p.expressions() && !p.selector().isEmpty()) {
                check(model, inNs, p.selector(), p.selectorLoc(), out, "NetworkPolicy '" + p.name() + "' selects "
                        + ServiceSelectsNothing.labels(p.selector()) + " but no workload in namespace '" + p.scope()
                        + "' has these pod labels: it protects nothing, and the pods it was meant for accept "
                        + "traffic from anywhere; match the pod template labels");
            }
            for (Peer peer : p.peers()) {
                check(model, inNs, peer.selector(), peer.loc(), out, "NetworkPolicy '" + p.name() + "' names peer "
                        + "pods " + ServiceSelectsNothing.labels(peer.selector()) + " but no workload in namespace '"
                        + p.scope() + "' has these labels: the traffic this rule should allow is refused; match the "
                        + "peer's pod template labels");
            }
        }
    }

    private static void check(SystemModel model, List<Node> inNs, Map<String, String> selector, Loc at,
            ProjectReporter out, String message) {
        if (ServiceSelectsNothing.createdElsewhere(model, selector)) {
            return;
        }
        for (Node n : inNs) {
            if (SystemModel.matches(selector, n.workload().podLabels())) {
                return;
            }
        }
        out.report(at, message, List.of());
    }
}
