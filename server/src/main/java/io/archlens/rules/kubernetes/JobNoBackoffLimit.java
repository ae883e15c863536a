package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;

/** A Job (or CronJob's job template) without an explicit {@code backoffLimit}. */
public final class JobNoBackoffLimit implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/job-no-backoff-limit", "Job has no explicit backoffLimit",
            Severity.INFO, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            YNode jobSpec = o.is("Job") ? o.spec() : o.is("CronJob") && o.spec() != null ? o.spec().at("jobTemplate", "spec") : null;
            if (jobSpec instanceof YMap m && m.get("backoffLimit") == null) {
                ctx.report(o.anchor(), o.label() + " has no backoffLimit: a failing run is retried 6 times with "
                        + "growing delays (a non-idempotent job runs up to 7 times); set the retries you really want");
            }
        }
    }
}
