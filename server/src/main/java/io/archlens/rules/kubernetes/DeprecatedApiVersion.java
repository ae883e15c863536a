package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Tag;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YScalar;
import java.util.Map;

/**
 * An apiVersion that current Kubernetes versions no longer serve. The fix rewrites it to the current
 * version; it is offered as safe only where the schema did not change (and, for workloads, a selector is
 * already there, since apps/v1 requires one).
 */
public final class DeprecatedApiVersion implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/deprecated-api-version", "Removed or deprecated apiVersion",
            Severity.ERROR, Category.RELIABILITY, FileKind.KUBERNETES).withFix().tagged(Tag.DEPRECATED);

    /** {@code to} null: removed without a replacement. */
    private record Replacement(String to, boolean safe, String removedIn, String note) {
    }

    private static final Map<String, Replacement> TABLE = Map.ofEntries(
            Map.entry("extensions/v1beta1|Deployment", new Replacement("apps/v1", true, "1.16", null)),
            Map.entry("extensions/v1beta1|DaemonSet", new Replacement("apps/v1", true, "1.16", null)),
            Map.entry("extensions/v1beta1|ReplicaSet", new Replacement("apps/v1", true, "1.16", null)),
            Map.entry("extensions/v1beta1|NetworkPolicy", new Replacement("networking.k8s.io/v1", true, "1.16", null)),
            Map.entry("extensions/v1beta1|Ingress", new Replacement("networking.k8s.io/v1", false, "1.22",
                    "backends become service.name/service.port.number and pathType is required")),
            Map.entry("extensions/v1beta1|PodSecurityPolicy", new Replacement(null, false, "1.25",
                    "use Pod Security Admission (namespace labels) instead")),
            Map.entry("apps/v1beta1|*", new Replacement("apps/v1", true, "1.16", null)),
            Map.entry("apps/v1beta2|*", new Replacement("apps/v1", true, "1.16", null)),
            Map.entry("networking.k8s.io/v1beta1|Ingress", new Replacement("networking.k8s.io/v1", false, "1.22",
                    "backends become service.name/service.port.number and pathType is required")),
            Map.entry("networking.k8s.io/v1beta1|IngressClass", new Replacement("networking.k8s.io/v1", true, "1.22", null)),
            Map.entry("policy/v1beta1|PodDisruptionBudget", new Replacement("policy/v1", true, "1.25",
                    "an empty selector now selects every pod of the namespace")),
            Map.entry("policy/v1beta1|PodSecurityPolicy", new Replacement(null, false, "1.25",
                    "use Pod Security Admission (namespace labels) instead")),
            Map.entry("batch/v1beta1|CronJob", new Replacement("batch/v1", true, "1.25", null)),
            Map.entry("batch/v2alpha1|CronJob", new Replacement("batch/v1", true, "1.21", null)),
            Map.entry("autoscaling/v2beta1|HorizontalPodAutoscaler", new Replacement("autoscaling/v2", false, "1.25",
                    "metrics use target.type/averageUtilization instead of targetAverageUtilization")),
            Map.entry("autoscaling/v2beta2|HorizontalPodAutoscaler", new Replacement("autoscaling/v2", true, "1.26", null)),
            Map.entry("rbac.authorization.k8s.io/v1beta1|*", new Replacement("rbac.authorization.k8s.io/v1", true, "1.22", null)),
            Map.entry("rbac.authorization.k8s.io/v1alpha1|*", new Replacement("rbac.authorization.k8s.io/v1", true, "1.22", null)),
            Map.entry("apiextensions.k8s.io/v1beta1|CustomResourceDefinition", new Replacement("apiextensions.k8s.io/v1",
                    false, "1.22", "v1 requires a structural schema per version")),
            Map.entry("admissionregistration.k8s.io/v1beta1|*", new Replacement("admissionregistration.k8s.io/v1",
                    false, "1.22", "sideEffects and admissionReviewVersions become required")),
            Map.entry("scheduling.k8s.io/v1beta1|PriorityClass", new Replacement("scheduling.k8s.io/v1", true, "1.22", null)),
            Map.entry("scheduling.k8s.io/v1alpha1|PriorityClass", new Replacement("scheduling.k8s.io/v1", true, "1.17", null)),
            Map.entry("storage.k8s.io/v1beta1|StorageClass", new Replacement("storage.k8s.io/v1", true, "1.22", null)),
            Map.entry("storage.k8s.io/v1beta1|VolumeAttachment", new Replacement("storage.k8s.io/v1", true, "1.22", null)),
            Map.entry("storage.k8s.io/v1beta1|CSIDriver", new Replacement("storage.k8s.io/v1", true, "1.22", null)),
            Map.entry("storage.k8s.io/v1beta1|CSINode", new Replacement("storage.k8s.io/v1", true, "1.22", null)),
            Map.entry("storage.k8s.io/v1beta1|CSIStorageCapacity", new Replacement("storage.k8s.io/v1", true, "1.27", null)),
            Map.entry("discovery.k8s.io/v1beta1|EndpointSlice", new Replacement("discovery.k8s.io/v1", false, "1.25",
                    "topology is replaced by zone and hints")),
            Map.entry("coordination.k8s.io/v1beta1|Lease", new Replacement("coordination.k8s.io/v1", true, "1.22", null)),
            Map.entry("certificates.k8s.io/v1beta1|CertificateSigningRequest", new Replacement("certificates.k8s.io/v1",
                    false, "1.22", "signerName becomes required")),
            Map.entry("events.k8s.io/v1beta1|Event", new Replacement("events.k8s.io/v1", false, "1.25",
                    "several fields were renamed")),
            Map.entry("node.k8s.io/v1beta1|RuntimeClass", new Replacement("node.k8s.io/v1", true, "1.25", null)),
            Map.entry("apiregistration.k8s.io/v1beta1|APIService", new Replacement("apiregistration.k8s.io/v1", true, "1.22", null)),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta1|*", new Replacement("flowcontrol.apiserver.k8s.io/v1", false, "1.26",
                    "check the changed defaults of the v1 API")),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta2|*", new Replacement("flowcontrol.apiserver.k8s.io/v1", false, "1.29",
                    "check the changed defaults of the v1 API")),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta3|*", new Replacement("flowcontrol.apiserver.k8s.io/v1", false, "1.32",
                    "check the changed defaults of the v1 API")));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            Replacement r = TABLE.get(o.apiVersion() + "|" + o.kind());
            if (r == null) {
                r = TABLE.get(o.apiVersion() + "|*");
            }
            if (r == null || !(o.apiVersionEntry().value() instanceof YScalar value)) {
                continue;
            }
            if (r.to() == null) {
                ctx.report(value.range(), o.apiVersion() + " " + o.kind() + " was removed in Kubernetes " + r.removedIn()
                        + " without a successor: " + r.note());
                continue;
            }
            boolean safe = r.safe();
            String note = r.note();
            if (r.to().equals("apps/v1") && (o.spec() == null || o.spec().get("selector") == null)) {
                safe = false;
                note = "apps/v1 requires spec.selector (matching the template labels)";
            }
            String msg = o.apiVersion() + " " + o.kind() + " is no longer served since Kubernetes " + r.removedIn()
                    + ": the manifest is rejected by current clusters; use " + r.to() + (note == null ? "" : " (" + note + ")");
            Edit edit = f.edits().replaceScalar(value, r.to());
            String title = "Use " + r.to();
            ctx.report(value.range(), msg, safe ? Fix.safe(title, edit) : Fix.unsafe(title + " (then adapt the fields)", edit));
        }
    }
}
