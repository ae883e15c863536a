package io.archlens.syntax.kubernetes;

import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Set;

/**
 * One Kubernetes object. {@code scope} is the object's text (one document, or one item of a List), where
 * an {@code archlens.io/ignore} annotation applies. {@code pod} is the pod template of a workload, else null.
 */
public record K8sObject(YMap root, TextRange scope, String apiVersion, YEntry apiVersionEntry, String kind,
        YEntry kindEntry, YMap metadata, PodTemplate pod) {

    public static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job", "CronJob", "Pod");

    public String name() {
        return metadata == null ? null : trim(metadata.getText("name"));
    }

    public String namespace() {
        return metadata == null ? null : trim(metadata.getText("namespace"));
    }

    public YMap labels() {
        return metadata == null ? null : metadata.get("labels") instanceof YMap m ? m : null;
    }

    public YMap annotations() {
        return metadata == null ? null : metadata.get("annotations") instanceof YMap m ? m : null;
    }

    public YMap spec() {
        return root.get("spec") instanceof YMap m ? m : null;
    }

    public boolean isWorkload() {
        return WORKLOADS.contains(kind);
    }

    public boolean is(String k) {
        return k.equals(kind);
    }

    /** Where findings about the object as a whole point: its name, else its kind. */
    public TextRange anchor() {
        if (metadata != null && metadata.get("name") instanceof YScalar s && !s.range().isEmpty()) {
            return s.range();
        }
        if (kindEntry != null) {
            return kindEntry.value().range();
        }
        return root.range();
    }

    /** "Deployment 'api'" for messages. */
    public String label() {
        String n = name();
        return kind + (n == null ? "" : " '" + n + "'");
    }

    /** An integer field of {@code spec} (e.g. replicas), or null when absent or not a number. */
    public Long specNumber(String key) {
        YMap spec = spec();
        YNode n = spec == null ? null : spec.get(key);
        return n instanceof YScalar s ? s.asLong() : null;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
