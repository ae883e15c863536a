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
import java.util.List;

/**
 * No memory limit: a leak grows until the node runs out of memory and the kernel kills whatever it picks.
 * (CPU limits are deliberately not required: they cause throttling and are a team choice.)
 */
public final class NoMemoryLimit implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/no-memory-limit", "Container has no memory limit",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES).withFix();

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
                if (c.map().at("resources", "limits", "memory") != null) {
                    continue;
                }
                K8sSupport.report(ctx, c.anchor(), o.label() + ": " + c.label() + " has no memory limit: a leak "
                        + "can exhaust the node and get other pods OOM-killed; set resources.limits.memory (CPU limits "
                        + "are optional)", K8sSupport.resourcesFix(f, c, List.of("limits"), "memory: 256Mi"));
            }
        }
    }
}
