package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YSeq;

/** An Ingress without a {@code tls} section serves its hosts over plain HTTP. */
public final class IngressNoTls implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/ingress-no-tls", "Ingress has no TLS",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!o.is("Ingress") || o.spec() == null) {
                continue;
            }
            if (o.spec().get("tls") instanceof YSeq tls && !tls.items().isEmpty()) {
                continue;
            }
            ctx.report(o.anchor(), o.label() + " has no tls section: credentials and session cookies travel in "
                    + "clear text; add tls with a certificate Secret (cert-manager can issue it)");
        }
    }
}
