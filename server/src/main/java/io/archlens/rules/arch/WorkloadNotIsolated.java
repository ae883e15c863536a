package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.NetPolicy;
import io.archlens.model.Facts.Platform;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.List;

/**
 * A workload that no NetworkPolicy selects, in a namespace where the project does write NetworkPolicies: the others
 * are isolated, this one accepts traffic from every pod of the cluster. Projects without any NetworkPolicy are left
 * alone (a choice made once, not per workload).
 */
public final class WorkloadNotIsolated implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/workload-not-isolated",
            "A workload no NetworkPolicy selects, where the namespace has policies", Severity.WARNING,
            Category.SECURITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            if (n.platform() != Platform.KUBERNETES || n.workload().kind().equals("Job")
                    || n.workload().kind().equals("CronJob")) {
                continue;
            }
            List<NetPolicy> policies = NetworkPolicyGaps.in(model, n.scope());
            if (policies.isEmpty() || policies.stream().anyMatch(p -> p.all() || p.expressions()
                    || SystemModel.matches(p.selector(), n.workload().podLabels()))) {
                continue;
            }
            out.report(n.workload().nameLoc(), n.workload().label() + " is selected by no NetworkPolicy, while "
                    + "namespace '" + n.scope() + "' has " + policies.size() + " (" + policies.get(0).name()
                    + (policies.size() > 1 ? ", ..." : "") + "): its pods accept traffic from every pod of the "
                    + "cluster; add a policy for it (or a default-deny policy with an empty podSelector)",
                    List.of(policies.get(0).nameLoc().related("NetworkPolicy '" + policies.get(0).name() + "'")));
        }
    }
}
