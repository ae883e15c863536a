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

/** A (Cluster)RoleBinding to {@code cluster-admin}: full control of the cluster. */
public final class ClusterAdminBinding implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/cluster-admin-binding", "Binding grants cluster-admin",
            Severity.ERROR, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if ((o.is("ClusterRoleBinding") || o.is("RoleBinding"))
                    && o.root().at("roleRef", "name") instanceof YScalar name && name.value().strip().equals("cluster-admin")) {
                ctx.report(name.range(), o.label() + " grants cluster-admin: its subjects can read every Secret and "
                        + "change anything in the cluster; bind a Role with only the permissions they use");
            }
        }
    }
}
