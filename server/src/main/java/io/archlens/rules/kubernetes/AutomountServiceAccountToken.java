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

/** Pods on the default service account that still mount its API token. */
public final class AutomountServiceAccountToken implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/automount-service-account-token",
            "Service account token is mounted without need", Severity.INFO, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() == null) {
                continue;
            }
            YMap spec = o.pod().spec();
            String sa = spec.getText("serviceAccountName");
            if (sa == null) {
                sa = spec.getText("serviceAccount");
            }
            YNode automount = spec.get("automountServiceAccountToken");
            if (K8sSupport.isFalse(automount) || (sa != null && !sa.strip().equals("default") && automount == null)) {
                continue;
            }
            TextRange at = automount != null ? automount.range() : o.anchor();
            ctx.report(at, o.label() + ": pods mount a Kubernetes API token they most likely never use; an "
                    + "attacker in the pod gets it for free; set automountServiceAccountToken: false (or use a "
                    + "dedicated service account when the app calls the API)");
        }
    }
}
