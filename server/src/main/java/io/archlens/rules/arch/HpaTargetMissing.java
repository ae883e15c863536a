package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.Hpa;
import io.archlens.model.Facts.Platform;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * An HPA's scaleTargetRef names no workload of its namespace, while the project deploys workloads of that kind in
 * that namespace and no related folder of the workspace defines the target.
 */
public final class HpaTargetMissing implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/hpa-target-missing",
            "An autoscaler targets a workload that is not defined", Severity.ERROR, Category.SCALABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** The kinds whose objects the model holds as workloads. */
    private static final java.util.Set<String> BUILT_IN = java.util.Set.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController", "DeploymentConfig");

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Hpa h : model.hpas()) {
            if (h.targetName() == null || model.hpaTarget(h) != null || !BUILT_IN.contains(String.valueOf(h.targetKind()))
                    && h.targetKind() != null) {
                continue; // a custom resource with a scale subresource (LeaderWorkerSet, an Argo Rollout): not modelled
            }
            List<Node> inNs = model.nodesIn(Platform.KUBERNETES, h.scope());
            String kind = h.targetKind() == null ? "Deployment" : h.targetKind();
            if (inNs.isEmpty() || model.workspace().definesNear(kind, h.targetName(), h.targetLoc().path())
                    || inNs.stream().noneMatch(n -> n.workload().kind().equals(kind))) {
                // nothing of the namespace here; defined in a related folder; or a kind the project does not deploy
                // (a StatefulSet a Helm chart installs): the name cannot be judged against these files
                continue;
            }
            List<String> names = new ArrayList<>();
            List<Related> rel = new ArrayList<>();
            for (Node n : inNs) {
                names.add(n.workload().kind() + " '" + n.name() + "'");
                if (rel.size() < 3) {
                    rel.add(n.workload().nameLoc().related(n.label() + " is defined here"));
                }
            }
            out.report(h.targetLoc(), "HorizontalPodAutoscaler '" + h.name() + "' targets "
                    + (h.targetKind() == null ? "" : h.targetKind() + " ") + "'" + h.targetName()
                    + "', which is not defined in namespace '" + h.scope() + "' (workloads: " + Arch.names(names, 6)
                    + "); nothing is autoscaled, fix the name or kind", rel);
        }
    }
}
