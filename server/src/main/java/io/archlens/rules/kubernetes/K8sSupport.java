package io.archlens.rules.kubernetes;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.core.TextRange;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.kubernetes.PodTemplate;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Helpers several Kubernetes rules share: security settings as the kubelet resolves them, common fixes. */
final class K8sSupport {
    static final String DEFAULTS_BODY = "runAsNonRoot: true\nallowPrivilegeEscalation: false\nreadOnlyRootFilesystem: true\n"
            + "capabilities:\n  drop: [\"ALL\"]\nseccompProfile:\n  type: RuntimeDefault";
    static final String RESOURCES_BODY = "requests:\n  cpu: 100m\n  memory: 128Mi\nlimits:\n  memory: 256Mi";

    private K8sSupport() {
    }

    /** Workloads whose pods are meant to keep running (not Jobs/CronJobs). */
    static boolean longRunning(K8sObject o) {
        return o.pod() != null && !o.is("Job") && !o.is("CronJob");
    }

    /** A container-level security setting, else the pod-level one (runAsUser, runAsNonRoot...). */
    static YNode effective(PodTemplate p, Container c, String key) {
        YNode own = c.security(key);
        if (own != null) {
            return own;
        }
        YMap pod = p.securityContext();
        return pod == null ? null : pod.get(key);
    }

    static boolean isTrue(YNode n) {
        return n instanceof YScalar s && Boolean.TRUE.equals(s.asBoolean());
    }

    static boolean isFalse(YNode n) {
        return n instanceof YScalar s && Boolean.FALSE.equals(s.asBoolean());
    }

    static boolean empty(YNode n) {
        return (n instanceof YScalar s && s.isNull()) || (n instanceof YMap m && m.entries().isEmpty());
    }

    /** "Add a securityContext with safe defaults", offered when the container has none (or an empty one). */
    static Fix defaultsFix(K8sFile f, Container c) {
        YEntry e = c.map().entry("securityContext");
        Edit edit;
        if (e == null) {
            edit = f.edits().insertEntries(c.map(), "securityContext:\n" + indent(DEFAULTS_BODY));
        } else if (empty(e.value())) {
            edit = f.edits().replaceValue(c.map(), e, DEFAULTS_BODY);
        } else {
            return null;
        }
        return edit == null ? null : Fix.unsafe("Add a securityContext with safe defaults", edit);
    }

    /** Sets a container securityContext field (creating the securityContext when needed). */
    static Fix securityField(K8sFile f, Container c, String title, boolean safe, String value, String... path) {
        List<String> full = new ArrayList<>();
        full.add("securityContext");
        full.addAll(Arrays.asList(path));
        Edit edit = f.edits().setScalar(c.map(), full, value);
        if (edit == null) {
            return null;
        }
        return safe ? Fix.safe(title, edit) : Fix.unsafe(title, edit);
    }

    /** A resources skeleton, or the missing part of an existing resources block. */
    static Fix resourcesFix(K8sFile f, Container c, List<String> path, String lines) {
        YEntry e = c.map().entry("resources");
        Edit edit;
        if (e == null) {
            edit = f.edits().insertEntries(c.map(), "resources:\n" + indent(RESOURCES_BODY));
        } else if (empty(e.value())) {
            edit = f.edits().replaceValue(c.map(), e, RESOURCES_BODY);
        } else {
            List<String> full = new ArrayList<>();
            full.add("resources");
            full.addAll(path);
            edit = f.edits().ensure(c.map(), full, lines);
        }
        return edit == null ? null : Fix.unsafe(e == null ? "Add a resources skeleton (tune the values)"
                : "Add the missing resources (tune the values)", edit);
    }

    static String indent(String template) {
        StringBuilder sb = new StringBuilder();
        for (String line : template.split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** Reports with the non-null fixes. */
    static void report(RuleContext ctx, TextRange range, String message, Fix... fixes) {
        ctx.report(range, message, Arrays.stream(fixes).filter(Objects::nonNull).toList(), List.of());
    }

    /** The HorizontalPodAutoscaler in the same file that scales this object, or null. */
    static K8sObject hpaFor(K8sFile f, K8sObject target) {
        return f.scalerOf(target);
    }

    /** A container with the object whose pod template holds it. */
    record PodContainer(K8sObject object, io.archlens.syntax.kubernetes.Container container) {
    }

    /** Every container (init containers included) of every pod template in the file, in order. */
    static List<PodContainer> containers(K8sFile f) {
        List<PodContainer> out = new ArrayList<>();
        for (K8sObject o : f.objects()) {
            if (o.pod() != null) {
                o.pod().all().forEach(c -> out.add(new PodContainer(o, c)));
            }
        }
        return out;
    }

    /** The container's list under {@code key} ({@code env}, {@code ports}...), empty when absent. */
    static List<YNode> items(io.archlens.syntax.kubernetes.Container c, String key) {
        return c.map().get(key) instanceof io.archlens.syntax.yaml.YSeq s ? s.items() : List.of();
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
