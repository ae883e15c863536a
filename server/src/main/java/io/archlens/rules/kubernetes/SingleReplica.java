package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YScalar;

/** {@code replicas: 1} on a Deployment: every rollout, node drain or crash is an outage. */
public final class SingleReplica implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/single-replica", "Deployment runs a single replica",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!o.isDeploymentLike() || o.spec() == null || !(o.spec().get("replicas") instanceof YScalar r)
                    || !Long.valueOf(1).equals(r.asLong()) || K8sSupport.hpaFor(f, o) != null) {
                continue;
            }
            ctx.report(r.range(), o.label() + " runs one replica: a node drain, an eviction or a crash takes it "
                    + "down; run at least 2 with a PodDisruptionBudget (if an HPA manages it, drop replicas: every "
                    + "apply resets the scale to 1)");
        }
    }
}
