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
import java.util.List;
import java.util.Map;

/** {@code hostNetwork}, {@code hostPID} or {@code hostIPC}: the pod shares the node's namespaces. */
public final class HostNamespace implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/host-namespace", "Pod shares a host namespace",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);
    private static final Map<String, String> KEYS = Map.of(
            "hostNetwork", "binds on the node's interfaces and can sniff its traffic, bypassing NetworkPolicies",
            "hostPID", "sees every process of the node (and their environment secrets)",
            "hostIPC", "shares the node's shared memory");

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
            for (String key : List.of("hostNetwork", "hostPID", "hostIPC")) {
                YEntry e = o.pod().spec().entry(key);
                if (e != null && K8sSupport.isTrue(e.value())) {
                    ctx.report(f.edits().entryRange(e), o.label() + ": " + key + ": true, so the pod " + KEYS.get(key)
                            + "; remove it unless this is a node-level agent");
                }
            }
        }
    }
}
