package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;

/** A CronJob without {@code startingDeadlineSeconds}: missed runs pile up or are silently skipped. */
public final class CronJobNoStartingDeadline implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/cronjob-no-starting-deadline",
            "CronJob has no starting deadline", Severity.INFO, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.is("CronJob") && o.spec() != null && o.spec().get("startingDeadlineSeconds") == null) {
                ctx.report(o.anchor(), o.label() + " has no startingDeadlineSeconds: after controller downtime it "
                        + "either starts a stale run late or, past 100 missed schedules, stops scheduling; set a "
                        + "deadline that fits the schedule (e.g. 300)");
            }
        }
    }
}
