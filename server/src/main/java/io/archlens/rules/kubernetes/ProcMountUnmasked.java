package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;

/** {@code securityContext.procMount: Unmasked}: /proc without the runtime's masks, host information exposed. */
public final class ProcMountUnmasked implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/proc-mount-unmasked", "Container sees an unmasked /proc",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sSupport.PodContainer pc : K8sSupport.containers(f)) {
            YMap sc = pc.container().securityContext();
            YEntry e = sc == null ? null : sc.entry("procMount");
            if (e != null && e.value().text() != null && e.value().text().strip().equalsIgnoreCase("Unmasked")) {
                ctx.report(f.edits().entryRange(e), pc.object().label() + ": " + pc.container().label() + " mounts "
                        + "/proc unmasked: the paths the runtime hides (/proc/kcore, /proc/sys, timers) become "
                        + "readable or writable, a step towards escaping the container; remove procMount (Default)");
            }
        }
    }
}
