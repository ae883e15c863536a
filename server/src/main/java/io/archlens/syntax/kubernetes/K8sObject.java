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
            "ReplicationController", "Job", "CronJob", "Pod", "DeploymentConfig");

    /**
     * Kinds ArchLens reviews or knows to hold nothing to review (built-in Kubernetes kinds); any other kind
     * (OpenShift's Route, SecurityContextConstraints, BuildConfig, custom resources) is noted once as not reviewed.
     */
    public static final Set<String> KNOWN_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job", "CronJob", "Pod", "DeploymentConfig", "Service", "Ingress", "IngressClass",
            "ConfigMap", "Secret", "Namespace", "ServiceAccount", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler",
            "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "LimitRange", "ResourceQuota",
            "CustomResourceDefinition", "Endpoints", "EndpointSlice", "PriorityClass", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "APIService", "Lease", "RuntimeClass", "CSIDriver", "VolumeAttachment", "PodSecurityPolicy", "PodTemplate",
            "ControllerRevision", "FlowSchema", "PriorityLevelConfiguration", "VerticalPodAutoscaler", "List");

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

    /** A Deployment or OpenShift DeploymentConfig: replicated pods rolled out from one template. */
    public boolean isDeploymentLike() {
        return is("Deployment") || is("DeploymentConfig");
    }

    /**
     * What a workload lacks to be deployable as written: its pod template, containers, a container's image, or
     * (apps/v1) its selector; empty for complete workloads and for other kinds.
     */
    public java.util.List<String> missingParts() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!isWorkload()) {
            return out;
        }
        if (pod == null) {
            out.add(is("CronJob") ? "spec.jobTemplate.spec.template" : is("Pod") ? "spec" : "spec.template");
        } else if (pod.containers().isEmpty()) {
            out.add("containers");
        } else {
            for (Container c : pod.all()) {
                if (c.image() == null || c.image().isBlank()) {
                    out.add("an image for " + c.label());
                }
            }
        }
        boolean needsSelector = "apps/v1".equals(apiVersion) && !is("Pod");
        if (needsSelector && (spec() == null || spec().get("selector") == null)) {
            out.add("spec.selector");
        }
        return out;
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
