package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;

/** Several replicas without pod anti-affinity or topology spread: they may all land on one node. */
public final class NoAntiAffinity implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/no-anti-affinity",
            "Replicas are not spread across nodes", Severity.INFO, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!(o.isDeploymentLike() || o.is("StatefulSet")) || o.pod() == null || o.spec() == null) {
                continue;
            }
            YNode replicasNode = o.spec().get("replicas");
            Long replicas = replicasNode instanceof YScalar s ? s.asLong() : null;
            K8sObject hpa = K8sSupport.hpaFor(f, o);
            Long max = hpa == null ? null : hpa.specNumber("maxReplicas");
            long most = Math.max(replicas == null ? 1 : replicas, max == null ? 0 : max);
            if (most < 2) {
                continue;
            }
            YMap spec = o.pod().spec();
            boolean spread = spec.at("affinity", "podAntiAffinity") != null
                    || (spec.get("topologySpreadConstraints") instanceof YSeq t && !t.items().isEmpty());
            if (spread) {
                continue;
            }
            TextRange at = replicasNode != null && replicas != null && replicas > 1 ? replicasNode.range() : o.anchor();
            ctx.report(at, o.label() + " runs up to " + most + " replicas with no podAntiAffinity or "
                    + "topologySpreadConstraints: the scheduler may put them all on one node or zone, so one failure "
                    + "takes them all; spread them by kubernetes.io/hostname (and zone)");
        }
    }
}
