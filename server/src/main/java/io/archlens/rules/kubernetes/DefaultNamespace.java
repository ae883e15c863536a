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

/** {@code namespace: default}: no isolation, quotas or policies of its own. */
public final class DefaultNamespace implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/default-namespace", "Object is in the default namespace",
            Severity.INFO, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.metadata() != null && o.metadata().get("namespace") instanceof YScalar ns
                    && ns.value().strip().equals("default")) {
                ctx.report(ns.range(), o.label() + " is deployed to the 'default' namespace, shared with everything "
                        + "deployed without thinking and without its own RBAC, quotas or network policies; use a "
                        + "namespace per application or team");
            }
        }
    }
}
