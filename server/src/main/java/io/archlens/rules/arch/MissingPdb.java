package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.Hpa;
import io.archlens.model.Facts.Pdb;
import io.archlens.model.Facts.Platform;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A replicated workload no PodDisruptionBudget protects: a node drain may evict every replica at once.
 * A high-availability rule: it runs only when .archlens.yml declares the production stage.
 */
public final class MissingPdb implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/missing-pdb",
            "A replicated workload has no PodDisruptionBudget (production)", Severity.WARNING,
            Category.RELIABILITY, null);
    private static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            if (n.platform() != Platform.KUBERNETES || !REPLICATED.contains(n.workload().kind())) {
                continue;
            }
            int replicas = n.workload().replicas() == null ? 1 : n.workload().replicas();
            Hpa h = model.hpaFor(n);
            if (h != null && h.minReplicas() != null) {
                replicas = Math.max(replicas, h.minReplicas());
            }
            if (replicas < 2 || protectedByPdb(model, n)) {
                continue;
            }
            if (!model.context().stageKnown()) {
                out.needContext("stage", n.workload().nameLoc());
                continue;
            }
            if (!model.context().isProduction()) {
                continue;
            }
            List<Related> rel = new ArrayList<>();
            if (n.workload().replicasLoc() != null) {
                rel.add(n.workload().replicasLoc().related(replicas + " replicas"));
            }
            if (h != null) {
                rel.add(h.nameLoc().related("autoscaled by HorizontalPodAutoscaler '" + h.name() + "'"));
            }
            out.report(n.workload().nameLoc(), n.label() + " runs " + replicas + " replicas in production but no "
                    + "PodDisruptionBudget selects its pods; a node drain or cluster upgrade may evict all of them at "
                    + "once, add a PodDisruptionBudget with maxUnavailable: 1", rel);
        }
    }

    private static boolean protectedByPdb(SystemModel model, Node n) {
        for (Pdb p : model.pdbs()) {
            if (p.scope().equals(n.scope()) && SystemModel.matches(p.selector(), n.workload().podLabels())) {
                return true;
            }
        }
        return false;
    }
}
