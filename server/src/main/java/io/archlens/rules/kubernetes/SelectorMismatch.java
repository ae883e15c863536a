package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.Set;

/**
 * A workload whose selector does not match its own pod template labels: the API server rejects it. DeploymentConfig
 * and ReplicationController selectors are plain label maps.
 */
public final class SelectorMismatch implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/selector-mismatch",
            "Selector does not match the pod template labels", Severity.ERROR, Category.RELIABILITY, FileKind.KUBERNETES);
    private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            boolean plain = o.is("DeploymentConfig") || o.is("ReplicationController"); // selector: {k: v}
            if (!KINDS.contains(o.kind()) && !plain || o.pod() == null || o.spec() == null
                    || !(o.spec().get("selector") instanceof YMap selector)) {
                continue;
            }
            YMap labels = o.pod().labels();
            YMap match = plain ? selector : selector.get("matchLabels") instanceof YMap m ? m : null;
            if (match != null) {
                for (YEntry e : match.entries()) {
                    String want = e.value().text();
                    String have = labels == null ? null : labels.getText(e.keyText());
                    if (want != null && (have == null || !have.strip().equals(want.strip()))) {
                        ctx.report(f.edits().entryRange(e), o.label() + ": selector " + e.keyText() + "=" + want.strip()
                                + (have == null ? " has no matching template label" : " does not match template label "
                                + e.keyText() + "=" + have.strip()) + ", so the API server rejects the object; make "
                                + "spec.template.metadata.labels include every " + (plain ? "selector" : "matchLabels") + " entry");
                    }
                }
            }
            if (!plain && selector.get("matchExpressions") instanceof YSeq exprs) {
                for (YNode x : exprs.items()) {
                    if (!(x instanceof YMap xm) || xm.getText("key") == null || xm.getText("operator") == null) {
                        continue;
                    }
                    String key = xm.getText("key").strip();
                    String have = labels == null ? null : labels.getText(key);
                    Set<String> values = new HashSet<>();
                    if (xm.get("values") instanceof YSeq vs) {
                        for (YNode v : vs.items()) {
                            if (v.text() != null) {
                                values.add(v.text().strip());
                            }
                        }
                    }
                    boolean ok = switch (xm.getText("operator").strip()) {
                        case "In" -> have != null && values.contains(have.strip());
                        case "NotIn" -> have == null || !values.contains(have.strip());
                        case "Exists" -> have != null;
                        case "DoesNotExist" -> have == null;
                        default -> true;
                    };
                    if (!ok) {
                        ctx.report(xm.get("key").range(), o.label() + ": the selector expression on '" + key
                                + "' does not match the pod template labels, so the API server rejects the object; "
                                + "align the template labels with the selector");
                    }
                }
            }
        }
    }
}
