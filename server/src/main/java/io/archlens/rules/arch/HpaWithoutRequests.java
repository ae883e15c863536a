package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.Hpa;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;

/** An HPA scales on CPU or memory utilisation of a workload whose containers request none: it cannot work. */
public final class HpaWithoutRequests implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/hpa-without-requests",
            "An autoscaler uses resource utilisation of containers without resource requests", Severity.ERROR,
            Category.SCALABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Hpa h : model.hpas()) {
            Node n = model.hpaTarget(h);
            if (n == null) {
                continue;
            }
            for (String resource : h.resources()) {
                List<String> missing = new ArrayList<>();
                List<Related> rel = new ArrayList<>();
                for (Container c : n.workload().containers()) {
                    if (!c.requests().contains(resource)) {
                        missing.add(c.name());
                        rel.add(c.loc().related("container '" + c.name() + "' of " + n.label() + " requests no "
                                + resource));
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                out.report(h.targetLoc(), "HorizontalPodAutoscaler '" + h.name() + "' scales " + n.label() + " on "
                        + resource + " utilisation, but container" + (missing.size() == 1 ? " '" : "s '")
                        + String.join("', '", missing) + "' request" + (missing.size() == 1 ? "s" : "") + " no "
                        + resource + "; utilisation is undefined and the autoscaler never scales, set "
                        + "resources.requests." + resource, rel);
            }
        }
    }
}
