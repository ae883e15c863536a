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

/** A rolling update whose maxUnavailable covers every replica: a rollout can take the whole service down. */
public final class MaxUnavailableAll implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/max-unavailable-all",
            "Rolling update may take every replica down", Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.spec() == null) {
                continue;
            }
            String strategyKey = o.is("Deployment") ? "strategy" : o.is("DaemonSet") || o.is("StatefulSet") ? "updateStrategy" : null;
            if (strategyKey == null || !(o.spec().at(strategyKey, "rollingUpdate", "maxUnavailable") instanceof YScalar s)) {
                continue;
            }
            String v = s.value().strip();
            boolean all;
            if (v.endsWith("%")) {
                try {
                    all = Integer.parseInt(v.substring(0, v.length() - 1).strip()) >= 100;
                } catch (NumberFormatException e) {
                    all = false;
                }
            } else {
                Long n = s.asLong();
                Long replicas = o.specNumber("replicas");
                all = n != null && replicas != null && n >= replicas && K8sSupport.hpaFor(f, o) == null;
            }
            if (all) {
                ctx.report(s.range(), o.label() + ": maxUnavailable " + v + " lets a rollout stop every pod at once, "
                        + "an outage on each deploy; use 0 or 25% with maxSurge for capacity");
            }
        }
    }
}
