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
import java.util.List;

/** {@code "*"} in a Role's verbs, resources or apiGroups: grants everything, including future resources. */
public final class RbacWildcard implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/rbac-wildcard", "RBAC rule uses a wildcard",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!(o.is("Role") || o.is("ClusterRole")) || !(o.root().get("rules") instanceof YSeq rules)) {
                continue;
            }
            for (YNode rule : rules.items()) {
                for (String key : List.of("verbs", "resources", "apiGroups")) {
                    if (!(rule.at(key) instanceof YSeq items)) {
                        continue;
                    }
                    for (YNode item : items.items()) {
                        if (item.text() != null && item.text().strip().equals("*")) {
                            ctx.report(item.range(), o.label() + ": '*' in " + key + " grants every " + key
                                    .replace("apiGroups", "API group").replace("resources", "resource").replace("verbs", "verb")
                                    + ", including ones added later (secrets, escalate, impersonate); list exactly what is needed");
                        }
                    }
                }
            }
        }
    }
}
