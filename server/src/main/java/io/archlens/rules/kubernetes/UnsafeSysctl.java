package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.Set;

/** A pod sysctl outside Kubernetes' safe set: it is node-wide or unbounded, and the kubelet rejects it by default. */
public final class UnsafeSysctl implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/unsafe-sysctl", "Pod sets an unsafe sysctl",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);
    /** The sysctls Kubernetes considers safe (namespaced and isolated), as of 1.32. */
    private static final Set<String> SAFE = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() == null || o.pod().securityContext() == null
                    || !(o.pod().securityContext().get("sysctls") instanceof YSeq list)) {
                continue;
            }
            for (YNode s : list.items()) {
                YNode name = s.at("name");
                String n = name == null || name.text() == null ? null : name.text().strip().replace('/', '.');
                if (n == null || SAFE.contains(n)) {
                    continue;
                }
                ctx.report(name.range(), o.label() + ": sysctl " + n + " is not in Kubernetes' safe set: it can "
                        + "affect other pods on the node or the node itself, and the kubelet refuses the pod unless "
                        + "it allows it (--allowed-unsafe-sysctls); set it on dedicated nodes or drop it");
            }
        }
    }
}
