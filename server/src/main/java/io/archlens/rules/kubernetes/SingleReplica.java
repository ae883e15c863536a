package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;

/**
 * One replica where the pods serve: {@code replicas: 1} or no {@code replicas} (the default is 1) on a Deployment,
 * DeploymentConfig or ReplicationController that no autoscaler in the file scales, and an autoscaler whose
 * {@code minReplicas} is 1 (the default) for a workload of the file that declares container ports.
 */
public final class SingleReplica implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/single-replica", "Workload runs a single replica",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.is("HorizontalPodAutoscaler")) {
                checkScaler(f, o, ctx);
                continue;
            }
            if (!(o.isDeploymentLike() || o.is("ReplicationController")) || o.spec() == null
                    || K8sSupport.hpaFor(f, o) != null || scaledByKeda(f, o)) {
                continue;
            }
            YNode r = o.spec().get("replicas");
            if (r == null && o.missingParts().isEmpty()) { // an incomplete workload may be a patch
                ctx.report(o.anchor(), o.label() + " sets no replicas, so it runs one (the default): a node drain, an "
                        + "eviction or a crash takes it down; set replicas: 2 or more with a PodDisruptionBudget");
            } else if (r instanceof YScalar s && Long.valueOf(1).equals(s.asLong())) {
                ctx.report(s.range(), o.label() + " runs one replica: a node drain, an eviction or a crash takes it "
                        + "down; run at least 2 with a PodDisruptionBudget");
            }
        }
    }

    private static void checkScaler(K8sFile f, K8sObject hpa, RuleContext ctx) {
        YNode ref = hpa.spec() == null ? null : hpa.spec().get("scaleTargetRef");
        String kind = ref == null ? null : K8sSupport.trim(ref.at("kind") == null ? null : ref.at("kind").text());
        String name = ref == null ? null : K8sSupport.trim(ref.at("name") == null ? null : ref.at("name").text());
        K8sObject target = kind == null ? null : f.find(kind, name);
        if (target == null || target.pod() == null || target.pod().all().stream()
                .noneMatch(c -> c.map().get("ports") instanceof YSeq p && p.size() > 0)) {
            return; // only a serving workload of this file: a queue worker may well idle at one
        }
        YNode min = hpa.spec().get("minReplicas");
        if (min == null) {
            ctx.report(hpa.anchor(), hpa.label() + " sets no minReplicas, so " + target.label() + " scales down to "
                    + "one pod (the default) whenever load is low: a drain or crash then drops all traffic; set "
                    + "minReplicas: 2");
        } else if (min instanceof YScalar s && Long.valueOf(1).equals(s.asLong())) {
            ctx.report(s.range(), hpa.label() + ": minReplicas 1 lets " + target.label() + " scale down to one pod "
                    + "whenever load is low: a drain or crash then drops all traffic; set minReplicas: 2");
        }
    }

    private static boolean scaledByKeda(K8sFile f, K8sObject o) {
        for (K8sObject s : f.objects()) {
            if (s.is("ScaledObject") && s.spec() != null && s.spec().at("scaleTargetRef", "name") != null
                    && o.name() != null && o.name().equals(K8sSupport.trim(s.spec().at("scaleTargetRef", "name").text()))) {
                return true;
            }
        }
        return false;
    }
}
