package io.archlens.rules.kubernetes;

import io.archlens.analysis.SourceFile;
import io.archlens.analysis.Suppression;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.kubernetes.KustomizeOverlays;
import io.archlens.syntax.kubernetes.KustomizeOverlays.Overlay;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Settings a kustomize base leaves to its overlays. When every overlay built on a manifest's base sets what a
 * rule asks for (a memory limit, probes, runAsNonRoot, replicas...) through its patches, the base's finding is
 * not shown: what is deployed has it. One overlay without it keeps the finding. The suppressions this makes are
 * implicit (no comment to point at), so they never count as unused.
 */
final class OverlaySettings {
    /** Container-level rules and what a container patch (or its pod spec patch) must hold for them. */
    private static final Map<String, BiPredicate<YMap, YMap>> CONTAINER = Map.of(
            "k8s/no-memory-limit", (c, pod) -> c.at("resources", "limits", "memory") != null,
            "k8s/no-resource-requests", (c, pod) -> c.at("resources", "requests") != null,
            "k8s/no-liveness-probe", (c, pod) -> c.get("livenessProbe") != null,
            "k8s/no-readiness-probe", (c, pod) -> c.get("readinessProbe") != null,
            "k8s/no-run-as-non-root", (c, pod) -> isTrue(c.at("securityContext", "runAsNonRoot"))
                    || isTrue(pod.at("securityContext", "runAsNonRoot")),
            "k8s/allow-privilege-escalation", (c, pod) -> isFalse(c.at("securityContext", "allowPrivilegeEscalation")),
            "k8s/writable-root-filesystem", (c, pod) -> isTrue(c.at("securityContext", "readOnlyRootFilesystem")),
            "k8s/capabilities-not-dropped", (c, pod) -> c.at("securityContext", "capabilities", "drop") != null);

    private OverlaySettings() {
    }

    static List<Suppression> of(K8sFile model, SourceFile file) {
        List<Suppression> out = new ArrayList<>();
        boolean workloads = model.objects().stream().anyMatch(o -> o.pod() != null);
        if (!workloads) {
            return out;
        }
        List<Overlay> overlays = KustomizeOverlays.of(file);
        if (overlays.isEmpty()) {
            return out;
        }
        for (K8sObject o : model.objects()) {
            if (o.pod() == null || o.name() == null) {
                continue;
            }
            for (Container c : o.pod().all()) {
                String image = c.image();
                if (image != null && overlays.stream().allMatch(ov -> pinsImage(ov, image))) {
                    out.add(Suppression.scoped("k8s/unpinned-image", c.map().range(), null,
                            "every kustomize overlay of this base sets the image's tag or digest (images:)"));
                }
                for (Map.Entry<String, BiPredicate<YMap, YMap>> rule : CONTAINER.entrySet()) {
                    if (overlays.stream().allMatch(ov -> setsFor(ov, o, c, rule.getValue()))) {
                        out.add(Suppression.scoped(rule.getKey(), c.map().range(), null,
                                "set by every kustomize overlay of this base"));
                    }
                }
            }
            if (overlays.stream().allMatch(ov -> replicas(ov, o) >= 2)) {
                out.add(Suppression.scoped("k8s/single-replica", o.scope(), null,
                        "every kustomize overlay of this base runs several replicas"));
            }
            if (overlays.stream().allMatch(ov -> patchedPods(ov, o).stream()
                    .anyMatch(pod -> isFalse(pod.get("automountServiceAccountToken"))))) {
                out.add(Suppression.scoped("k8s/automount-service-account-token", o.scope(), null,
                        "turned off by every kustomize overlay of this base"));
            }
        }
        return out;
    }

    private static boolean setsFor(Overlay ov, K8sObject o, Container c, BiPredicate<YMap, YMap> test) {
        for (YMap pod : patchedPods(ov, o)) {
            for (String list : List.of("containers", "initContainers")) {
                if (pod.get(list) instanceof YSeq s) {
                    for (YNode item : s.items()) {
                        if (item instanceof YMap pc && c.name() != null && c.name().equals(pc.getText("name"))
                                && test.test(pc, pod)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** The pod specs of this overlay's patches of {@code o} (Deployment-like and CronJob layouts). */
    private static List<YMap> patchedPods(Overlay ov, K8sObject o) {
        List<YMap> out = new ArrayList<>();
        for (YMap p : ov.patchesFor(o.kind(), o.name())) {
            YNode pod = "CronJob".equals(o.kind()) ? p.at("spec", "jobTemplate", "spec", "template", "spec")
                    : p.at("spec", "template", "spec");
            if (pod instanceof YMap m) {
                out.add(m);
            }
        }
        return out;
    }

    /** The overlay's {@code images:} entry for this image's repository sets a tag or a digest. */
    private static boolean pinsImage(Overlay ov, String image) {
        String repo = io.archlens.syntax.image.ImageRef.parse(image).repository();
        if (!(ov.kustomization().get("images") instanceof YSeq s)) {
            return false;
        }
        for (YNode item : s.items()) {
            if (item instanceof YMap m && m.getText("name") != null
                    && io.archlens.syntax.image.ImageRef.parse(m.getText("name")).repository().equals(repo)) {
                String tag = m.getText("newTag");
                String digest = m.getText("digest");
                return digest != null && !digest.isBlank()
                        || tag != null && !tag.isBlank() && !tag.strip().equals("latest");
            }
        }
        return false;
    }

    private static long replicas(Overlay ov, K8sObject o) {
        Long n = ov.deployedReplicas(o.kind(), o.name());
        return n == null ? 0 : n;
    }

    private static boolean isTrue(YNode n) {
        return n != null && "true".equalsIgnoreCase(String.valueOf(n.text()).strip());
    }

    private static boolean isFalse(YNode n) {
        return n != null && "false".equalsIgnoreCase(String.valueOf(n.text()).strip());
    }
}
