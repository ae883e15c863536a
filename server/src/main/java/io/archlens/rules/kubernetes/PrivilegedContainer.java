package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;

/**
 * {@code securityContext.privileged: true}: all capabilities and all host devices; and an OpenShift
 * SecurityContextConstraints that allows it ({@code allowPrivilegedContainer: true}).
 */
public final class PrivilegedContainer implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/privileged-container", "Container runs privileged",
            Severity.ERROR, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            YEntry scc = o.is("SecurityContextConstraints") ? o.root().entry("allowPrivilegedContainer") : null;
            if (scc != null && K8sSupport.isTrue(scc.value())) {
                ctx.report(f.edits().entryRange(scc), o.label() + " lets every pod it admits run privileged "
                        + "containers, with access to every device of the node; set allowPrivilegedContainer: false "
                        + "and grant single capabilities instead");
            }
            if (o.pod() == null) {
                continue;
            }
            for (Container c : o.pod().all()) {
                YMap sc = c.securityContext();
                YEntry e = sc == null ? null : sc.entry("privileged");
                if (e != null && K8sSupport.isTrue(e.value())) {
                    ctx.report(f.edits().entryRange(e), o.label() + ": " + c.label() + " is privileged: it can "
                            + "access every device of the node and escape the container; remove it and grant single "
                            + "capabilities instead");
                }
            }
        }
    }
}
