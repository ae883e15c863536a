package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.List;
import java.util.Locale;

/** The container does not drop ALL capabilities, so it keeps the runtime defaults (NET_RAW among them). */
public final class CapabilitiesNotDropped implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/capabilities-not-dropped",
            "Capabilities are not dropped", Severity.INFO, Category.SECURITY, FileKind.KUBERNETES).withFix();

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
                if (K8sSupport.isTrue(c.security("privileged"))) {
                    continue;
                }
                YNode drop = c.security("capabilities", "drop");
                boolean all = false;
                boolean netRaw = false;
                if (drop instanceof YSeq s) {
                    for (YNode item : s.items()) {
                        String v = item.text() == null ? "" : item.text().strip().toUpperCase(Locale.ROOT);
                        all |= v.equals("ALL");
                        netRaw |= v.equals("NET_RAW") || v.equals("CAP_NET_RAW");
                    }
                }
                if (all) {
                    continue;
                }
                if (drop instanceof YSeq s) {
                    YEntry dropEntry = c.securityContext().get("capabilities").asMap().entry("drop");
                    Edit edit = f.edits().appendItem(s, f.edits().isJson() ? "\"ALL\"" : "ALL");
                    K8sSupport.report(ctx, dropEntry.key().range(), o.label() + ": " + c.label() + " drops only some "
                            + "capabilities" + (netRaw ? "" : " and keeps NET_RAW (packet spoofing)") + "; drop ALL and "
                            + "add back the few it needs", edit == null ? null : Fix.unsafe("Drop ALL capabilities", edit));
                    continue;
                }
                Fix add = null;
                if (c.securityContext() != null && drop == null) {
                    Edit edit = f.edits().ensure(c.map(), List.of("securityContext", "capabilities"), "drop: [\"ALL\"]");
                    add = edit == null ? null : Fix.unsafe("Drop ALL capabilities", edit);
                }
                K8sSupport.report(ctx, c.anchor(), o.label() + ": " + c.label() + " keeps the default capabilities, "
                        + "including NET_RAW (packet spoofing): set securityContext.capabilities.drop: [\"ALL\"] and add "
                        + "back only what it needs", K8sSupport.defaultsFix(f, c), add);
            }
        }
    }
}
