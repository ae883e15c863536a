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
import java.util.Set;

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
            if (inNs.isEmpty() || createdElsewhere(model, s) || labelledAtRuntime(s, inNs)) {
                continue; // unknown: the pods come from something the project does not describe
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

    /** Label keys a Helm release or kustomize sets on the pods it renders (not written in the manifests here). */
    private static final Set<String> RELEASE_KEYS = Set.of("release", "heritage", "chart", "app.kubernetes.io/instance",
            "app.kubernetes.io/managed-by", "helm.sh/chart");

    /**
     * True when the selected pods are probably created by something the project does not contain as a workload: an
     * operator (the project defines custom resources, or the selector uses a label key under a domain other than
     * Kubernetes' own, such as {@code postgres-operator.crunchydata.com/cluster}) or a Helm release.
     */
    static boolean createdElsewhere(SystemModel model, KService s) {
        return createdElsewhere(model, s.selector());
    }

    /** {@link #createdElsewhere(SystemModel, KService)} for any pod selector. */
    static boolean createdElsewhere(SystemModel model, Map<String, String> selector) {
        for (String k : selector.keySet()) {
            int slash = k.indexOf('/');
            String domain = slash < 0 ? "" : k.substring(0, slash);
            if (RELEASE_KEYS.contains(k) || !domain.isEmpty() && !domain.equals("app.kubernetes.io")
                    && !domain.endsWith("kubernetes.io") && !domain.endsWith("k8s.io")) {
                return true;
            }
        }
        for (io.archlens.model.FileFacts f : model.files()) {
            if (!f.customResources().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The selector matches a workload's pods on every key some pod template of the namespace sets, and its other keys
     * ({@code role: replica}) are set by no template at all: labels the application or its operator puts on its own
     * pods at runtime (Patroni's and Spilo's {@code role}, a leader-election sidecar's), which these files cannot show.
     */
    static boolean labelledAtRuntime(KService s, List<Node> inNs) {
        Set<String> templateKeys = new java.util.HashSet<>();
        for (Node n : inNs) {
            templateKeys.addAll(n.workload().podLabels().keySet());
        }
        boolean runtimeKey = s.selector().keySet().stream().anyMatch(k -> !templateKeys.contains(k));
        if (!runtimeKey) {
            return false;
        }
        for (Node n : inNs) {
            Map<String, String> pod = n.workload().podLabels();
            boolean matches = !pod.isEmpty();
            for (Map.Entry<String, String> e : s.selector().entrySet()) {
                if (templateKeys.contains(e.getKey()) && !e.getValue().equals(pod.get(e.getKey()))) {
                    matches = false;
                    break;
                }
            }
            if (matches && s.selector().keySet().stream().anyMatch(pod::containsKey)) {
                return true;
            }
        }
        return false;
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
