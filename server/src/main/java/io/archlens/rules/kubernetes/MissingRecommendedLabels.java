package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;

/** Workloads and Services without {@code app.kubernetes.io/name}: tooling cannot group what belongs together. */
public final class MissingRecommendedLabels implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/missing-recommended-labels",
            "Recommended app.kubernetes.io labels are missing", Severity.INFO, Category.MAINTAINABILITY,
            FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!(o.isWorkload() || o.is("Service")) || o.metadata() == null) {
                continue;
            }
            YMap labels = o.labels();
            if (labels != null && labels.get("app.kubernetes.io/name") != null) {
                continue;
            }
            YEntry at = o.metadata().entry("labels");
            TextRange r = at != null ? at.key().range() : o.root().entry("metadata").key().range();
            ctx.report(r, o.label() + " has no app.kubernetes.io/name label: dashboards, cost reports and "
                    + "`kubectl get -l` cannot tell which application it belongs to; add the recommended labels "
                    + "(name, instance, version, component, part-of, managed-by)");
        }
    }
}
