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

/** A long-running container without a readiness probe: traffic arrives before it can serve. */
public final class NoReadinessProbe implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/no-readiness-probe", "Container has no readiness probe",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!K8sSupport.longRunning(o)) {
                continue;
            }
            for (Container c : o.pod().containers()) {
                if (c.map().get("readinessProbe") == null) {
                    ctx.report(c.anchor(), o.label() + ": " + c.label() + " has no readinessProbe: it receives "
                            + "traffic as soon as it starts and during shutdown, so rollouts drop requests; add a "
                            + "readiness check (e.g. /actuator/health/readiness)");
                }
            }
        }
    }
}
