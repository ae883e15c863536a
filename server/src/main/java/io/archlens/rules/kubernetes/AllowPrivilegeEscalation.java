package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Set;

/** {@code allowPrivilegeEscalation} is not false: setuid binaries can gain privileges. */
public final class AllowPrivilegeEscalation implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/allow-privilege-escalation",
            "allowPrivilegeEscalation is not false", Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES).withFix();

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
            for (Container c : o.pod().all()) {
                YNode ape = c.security("allowPrivilegeEscalation");
                if (K8sSupport.isFalse(ape) || K8sSupport.isTrue(c.security("privileged"))) {
                    continue;
                }
                TextRange at = ape instanceof YScalar s && !s.range().isEmpty() ? s.range() : c.anchor();
                K8sSupport.report(ctx, at, o.label() + ": " + c.label() + " allows privilege escalation (the "
                        + "default): a setuid binary can make a compromised process root; set "
                        + "securityContext.allowPrivilegeEscalation: false",
                        K8sSupport.securityField(f, c, "Set allowPrivilegeEscalation: false", true, "false",
                                "allowPrivilegeEscalation"),
                        ape == null ? K8sSupport.defaultsFix(f, c) : null);
            }
        }
    }
}
