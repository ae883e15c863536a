package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Objects;

/**
 * A PodDisruptionBudget that allows no voluntary eviction: {@code maxUnavailable: 0} (or 0%), {@code minAvailable:
 * 100%}, or a {@code minAvailable} at or above the replicas of a workload in the same file it selects (its
 * autoscaler's minimum when one scales it). Node drains then hang until someone deletes the budget.
 */
public final class PdbBlocksEviction implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/pdb-blocks-eviction", "PodDisruptionBudget allows no "
            + "eviction", Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!o.is("PodDisruptionBudget") || o.spec() == null) {
                continue;
            }
            YEntry max = o.spec().entry("maxUnavailable");
            YEntry min = o.spec().entry("minAvailable");
            String maxV = max == null ? null : K8sSupport.trim(max.value().text());
            String minV = min == null ? null : K8sSupport.trim(min.value().text());
            if ("0".equals(maxV) || "0%".equals(maxV)) {
                ctx.report(f.edits().entryRange(max), o.label() + ": maxUnavailable " + maxV + " forbids every "
                        + "voluntary eviction, so node drains and cluster upgrades hang on these pods; allow at least 1");
                continue;
            }
            if (minV == null) {
                continue;
            }
            if ("100%".equals(minV)) {
                ctx.report(f.edits().entryRange(min), o.label() + ": minAvailable 100% forbids every voluntary "
                        + "eviction, so node drains and cluster upgrades hang on these pods; use maxUnavailable: 1");
                continue;
            }
            Long need = min.value() instanceof YScalar s ? s.asLong() : null;
            if (need == null || !(o.spec().at("selector", "matchLabels") instanceof YMap sel)) {
                continue;
            }
            for (K8sObject w : f.objects()) {
                Long replicas = replicas(f, w);
                if (replicas == null || !Objects.equals(w.namespace(), o.namespace()) || !selects(sel, w)
                        || replicas > need) {
                    continue;
                }
                ctx.report(f.edits().entryRange(min), o.label() + ": minAvailable " + need + " with " + replicas
                        + " replica" + (replicas == 1 ? "" : "s") + " of " + w.label() + " forbids every voluntary "
                        + "eviction, so node drains hang on its pods; run more replicas or use maxUnavailable: 1");
                break;
            }
        }
    }

    /** The replicas a Deployment-like or StatefulSet runs at least: its autoscaler's minimum, or replicas (default 1). */
    static Long replicas(K8sFile f, K8sObject w) {
        if (!(w.isDeploymentLike() || w.is("StatefulSet") || w.is("ReplicaSet")) || w.spec() == null) {
            return null;
        }
        K8sObject hpa = f.scalerOf(w);
        if (hpa != null) {
            return hpa.spec().get("minReplicas") instanceof YScalar m && m.asLong() != null ? m.asLong() : 1L;
        }
        for (K8sObject s : f.objects()) { // a KEDA ScaledObject
            if (s.is("ScaledObject") && s.spec() != null && w.name() != null
                    && w.name().equals(K8sSupport.trim(s.spec().at("scaleTargetRef", "name") == null ? null
                    : s.spec().at("scaleTargetRef", "name").text()))) {
                return s.spec().get("minReplicaCount") instanceof YScalar m && m.asLong() != null ? m.asLong() : 0L;
            }
        }
        YNode r = w.spec().get("replicas");
        if (r == null) {
            return 1L;
        }
        return r instanceof YScalar s ? s.asLong() : null;
    }

    /** True when every matchLabels pair is among the workload's pod labels (or its own selector's). */
    private static boolean selects(YMap sel, K8sObject w) {
        YMap labels = w.pod() != null && w.pod().labels() != null ? w.pod().labels()
                : w.spec().at("selector", "matchLabels") instanceof YMap m ? m : null;
        if (labels == null || sel.entries().isEmpty()) {
            return false;
        }
        for (YEntry e : sel.entries()) {
            String want = K8sSupport.trim(e.value().text());
            if (want == null || !want.equals(K8sSupport.trim(labels.getText(e.keyText())))) {
                return false;
            }
        }
        return true;
    }
}
