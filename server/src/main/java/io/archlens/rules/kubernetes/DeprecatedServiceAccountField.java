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

/** {@code serviceAccount:} instead of {@code serviceAccountName:}: deprecated since 1.0, and ignored when both differ. */
public final class DeprecatedServiceAccountField implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/deprecated-service-account-field",
            "serviceAccount used instead of serviceAccountName", Severity.INFO, Category.RELIABILITY,
            FileKind.KUBERNETES).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() == null || o.pod().spec() == null) {
                continue;
            }
            YEntry e = o.pod().spec().entry("serviceAccount");
            if (e == null) {
                continue;
            }
            boolean both = o.pod().spec().has("serviceAccountName");
            K8sSupport.report(ctx, e.key().range(), o.label() + ": serviceAccount is a deprecated alias of "
                    + "serviceAccountName" + (both ? ", and serviceAccountName wins when both are set" : "")
                    + "; write serviceAccountName", both ? null : io.archlens.analysis.Fix.safe(
                    "Rename to serviceAccountName", io.archlens.analysis.Edit.replace(e.key().range(),
                    "serviceAccountName")));
        }
    }
}
