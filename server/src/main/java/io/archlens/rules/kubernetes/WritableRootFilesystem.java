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

/** {@code readOnlyRootFilesystem} is not true: an attacker can change the container's files. */
public final class WritableRootFilesystem implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/writable-root-filesystem",
            "Root filesystem is writable", Severity.INFO, Category.SECURITY, FileKind.KUBERNETES).withFix();

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
                YNode ro = c.security("readOnlyRootFilesystem");
                if (K8sSupport.isTrue(ro)) {
                    continue;
                }
                TextRange at = ro instanceof YScalar s && !s.range().isEmpty() ? s.range() : c.anchor();
                K8sSupport.report(ctx, at, o.label() + ": " + c.label() + " has a writable root filesystem: after a "
                        + "compromise tools and code can be dropped into it; set readOnlyRootFilesystem: true and mount "
                        + "an emptyDir where the app writes (e.g. /tmp)",
                        K8sSupport.securityField(f, c, "Set readOnlyRootFilesystem: true", false, "true",
                                "readOnlyRootFilesystem"),
                        ro == null ? K8sSupport.defaultsFix(f, c) : null);
            }
        }
    }
}
