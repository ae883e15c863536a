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
import java.util.List;

/** No CPU or memory request: the scheduler places the pod blind and it is first to be evicted. */
public final class NoResourceRequests implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/no-resource-requests", "Container has no CPU/memory requests",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES).withFix();

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
                YNode requests = c.map().at("resources", "requests");
                boolean cpu = requests != null && requests.at("cpu") != null;
                boolean memory = requests != null && requests.at("memory") != null;
                if (cpu && memory) {
                    continue;
                }
                String missing = !cpu && !memory ? "CPU and memory requests" : !cpu ? "a CPU request" : "a memory request";
                String lines = (cpu ? "" : "cpu: 100m\n") + (memory ? "" : "memory: 128Mi");
                K8sSupport.report(ctx, c.anchor(), o.label() + ": " + c.label() + " has no " + missing
                        + ": the scheduler cannot place it by real need and it is evicted first under pressure; set "
                        + "resources.requests from observed usage",
                        K8sSupport.resourcesFix(f, c, List.of("requests"), lines));
            }
        }
    }
}
