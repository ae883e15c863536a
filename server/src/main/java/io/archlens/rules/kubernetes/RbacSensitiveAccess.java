package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Role or ClusterRole that can read Secrets (get/list/watch) or create pods (pods, or a controller kind whose
 * pods it then chooses): both reach every secret and service account of the namespace. Reported on each binding of
 * the file that grants the role (the grant is the decision), else on the role's rule; once per role. Wildcards are
 * {@code k8s/rbac-wildcard}'s.
 */
public final class RbacSensitiveAccess implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/rbac-sensitive-access", "RBAC role can read Secrets or "
            + "create pods", Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);
    private static final Set<String> READ = Set.of("get", "list", "watch");
    private static final Set<String> POD_MAKERS = Set.of("pods", "deployments", "statefulsets", "daemonsets",
            "replicasets", "jobs", "cronjobs", "replicationcontrollers", "deploymentconfigs");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!(o.is("Role") || o.is("ClusterRole")) || !(o.root().get("rules") instanceof YSeq rules)) {
                continue;
            }
            for (YNode rule : rules.items()) {
                String what = sensitive(o, rule);
                if (what == null) {
                    continue;
                }
                List<K8sObject> bindings = bindingsOf(f, o);
                if (bindings.isEmpty()) {
                    ctx.report(rule.range(), o.label() + " can " + what + "; grant this only to the component that "
                            + "needs it and limit it with resourceNames where possible");
                }
                for (K8sObject b : bindings) { // the grant is where the access is given: one finding per binding
                    ctx.report(b.root().get("roleRef").range(), b.label() + " grants " + o.label() + ", which can "
                            + what + "; bind it only to the component that needs it and limit it with resourceNames "
                            + "where possible");
                }
                break;
            }
        }
    }

    /** What the rule allows that is sensitive, or null. */
    private static String sensitive(K8sObject o, YNode rule) {
        List<String> resources = texts(rule.at("resources"));
        List<String> verbs = texts(rule.at("verbs"));
        if (rule.at("resourceNames") instanceof YSeq names && names.size() > 0) {
            return null; // limited to named objects
        }
        if (resources.contains("secrets") && verbs.stream().anyMatch(READ::contains)) {
            return "read Secrets (" + String.join("/", verbs.stream().filter(READ::contains).toList())
                    + "): every credential of the " + (o.is("ClusterRole") ? "cluster" : "namespace");
        }
        if (verbs.contains("create") && resources.stream().anyMatch(POD_MAKERS::contains)) {
            return "create " + resources.stream().filter(POD_MAKERS::contains).findFirst().orElse("pods")
                    + ": a pod it starts can mount any Secret and run as any service account of the namespace";
        }
        return null;
    }

    /** The (Cluster)RoleBindings of this file whose roleRef names the role. */
    private static List<K8sObject> bindingsOf(K8sFile f, K8sObject role) {
        List<K8sObject> out = new java.util.ArrayList<>();
        for (K8sObject b : f.objects()) {
            if (!(b.is("RoleBinding") || b.is("ClusterRoleBinding")) || !(b.root().get("roleRef") instanceof YMap ref)) {
                continue;
            }
            if (role.kind().equals(K8sSupport.trim(ref.getText("kind"))) && role.name() != null
                    && role.name().equals(K8sSupport.trim(ref.getText("name")))
                    && (role.is("ClusterRole") || java.util.Objects.equals(role.namespace(), b.namespace()))) {
                out.add(b);
            }
        }
        return out;
    }

    private static List<String> texts(YNode n) {
        if (!(n instanceof YSeq s)) {
            return List.of();
        }
        return s.items().stream().map(YNode::text).filter(t -> t != null).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .toList();
    }
}
