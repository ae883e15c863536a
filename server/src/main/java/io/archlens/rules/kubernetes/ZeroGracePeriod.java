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

/** {@code terminationGracePeriodSeconds: 0}: pods are killed without a chance to finish requests. */
public final class ZeroGracePeriod implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/zero-grace-period", "Pods are killed without a grace period",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() != null && o.pod().spec().get("terminationGracePeriodSeconds") instanceof YScalar s
                    && Long.valueOf(0).equals(s.asLong())) {
                ctx.report(s.range(), o.label() + ": terminationGracePeriodSeconds: 0 kills pods immediately (SIGKILL): "
                        + "in-flight requests fail and transactions are cut on every rollout; leave the default (30) or "
                        + "set it above the app's shutdown time");
            }
        }
    }
}
