package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import java.util.List;

/**
 * A workload without its pod template, containers, a container image or (apps/v1) its selector: the API server
 * rejects it as written. A kustomize patch legitimately lacks them, but a file is taken for a patch only when a
 * kustomization lists it as one (see {@code KustomizePatches}); this rule reports the others, stating that assumption.
 */
public final class IncompleteWorkload implements Rule<K8sFile> {
    static final RuleMeta META = RuleMeta.of("k8s/incomplete-workload", "Workload lacks required fields",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            List<String> missing = o.missingParts();
            if (missing.isEmpty()) {
                continue;
            }
            ctx.report(o.kindEntry().value().range(), o.label() + " lacks " + String.join(", ", missing)
                    + ": applied as written, the API server rejects it. If this file is a kustomize patch, list it"
                    + " under patches: of the kustomization that applies it (ArchLens then judges the base instead);"
                    + " otherwise add the missing fields");
        }
    }
}
