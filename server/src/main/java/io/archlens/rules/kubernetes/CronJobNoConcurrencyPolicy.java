package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;

/** A CronJob without {@code concurrencyPolicy}: slow runs overlap with the next ones (default Allow). */
public final class CronJobNoConcurrencyPolicy implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/cronjob-no-concurrency-policy",
            "CronJob runs may overlap", Severity.INFO, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.is("CronJob") && o.spec() != null && o.spec().get("concurrencyPolicy") == null) {
                ctx.report(o.anchor(), o.label() + " has no concurrencyPolicy, so a run that is slower than the "
                        + "schedule overlaps with the next one (double processing, lock contention); set Forbid (or "
                        + "Replace)");
            }
        }
    }
}
