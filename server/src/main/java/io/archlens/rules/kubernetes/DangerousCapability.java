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
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.Locale;
import java.util.Set;

/** {@code capabilities.add} with SYS_ADMIN, ALL, NET_ADMIN, NET_RAW and the like. */
public final class DangerousCapability implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/dangerous-capability", "Dangerous capability added",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);
    private static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_PTRACE",
            "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH", "BPF", "SYS_BOOT", "MAC_ADMIN", "SYS_TIME");

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
                if (!(c.security("capabilities", "add") instanceof YSeq add)) {
                    continue;
                }
                for (YNode item : add.items()) {
                    String v = item.text() == null ? "" : item.text().strip().toUpperCase(Locale.ROOT);
                    if (v.startsWith("CAP_")) {
                        v = v.substring(4);
                    }
                    if (DANGEROUS.contains(v)) {
                        ctx.report(item.range(), o.label() + ": " + c.label() + " adds capability " + v + ", which "
                                + "gives a compromised process host-level power; add only the narrow capability it "
                                + "needs (e.g. NET_BIND_SERVICE)");
                    }
                }
            }
        }
    }
}
