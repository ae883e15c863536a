package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Platform;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Service's selector matches no workload of its namespace: it has no endpoints. */
public final class ServiceSelectsNothing implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/service-selects-nothing",
            "A Service selects no workload", Severity.ERROR, Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (KService s : model.services()) {
            if (s.selector().isEmpty() || !model.selected(s).isEmpty()) {
                continue;
            }
            List<Node> inNs = model.nodesIn(Platform.KUBERNETES, s.scope());
            if (inNs.isEmpty()) {
                continue;
            }
            List<Related> rel = new ArrayList<>();
            for (Node n : inNs) {
                if (likely(s, n) && rel.size() < 3) {
                    rel.add(n.workload().nameLoc().related(n.label() + " has pod labels " + labels(n.workload().podLabels())));
                }
            }
            out.report(s.selectorLoc() != null ? s.selectorLoc() : s.nameLoc(), "Service '" + s.name() + "' selects "
                    + labels(s.selector()) + " but no workload in namespace '" + s.scope() + "' has these pod labels; "
                    + "the Service has no endpoints and every request to it fails, match the pod template labels", rel);
        }
    }

    /** Workloads the Service was probably meant for: same name, or sharing a selector key. */
    private static boolean likely(KService s, Node n) {
        if (n.name().equals(s.name())) {
            return true;
        }
        for (String k : s.selector().keySet()) {
            if (n.workload().podLabels().containsKey(k)) {
                return true;
            }
        }
        return false;
    }

    static String labels(Map<String, String> m) {
        if (m.isEmpty()) {
            return "no labels";
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.add(e.getKey() + "=" + e.getValue());
        }
        return String.join(",", out);
    }
}
