package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;

/** A Job without {@code ttlSecondsAfterFinished}: finished Jobs and their pods stay forever. */
public final class JobNoTtl implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/job-no-ttl", "Finished Job is never cleaned up",
            Severity.INFO, Category.MAINTAINABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.is("Job") && o.spec() != null && o.spec().get("ttlSecondsAfterFinished") == null) {
                ctx.report(o.anchor(), o.label() + " has no ttlSecondsAfterFinished: the finished Job and its pods "
                        + "stay in the cluster (and block re-applying the same Job name); set e.g. 86400");
            }
        }
    }
}
