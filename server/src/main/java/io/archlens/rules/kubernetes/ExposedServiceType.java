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
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.List;

/** Services of type LoadBalancer or NodePort: exposed outside the cluster, bypassing the ingress layer. */
public final class ExposedServiceType implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/exposed-service-type",
            "Service is exposed outside the cluster", Severity.INFO, Category.SECURITY, FileKind.KUBERNETES);
    private static final List<String> INTERNAL = List.of("service.beta.kubernetes.io/aws-load-balancer-internal",
            "service.beta.kubernetes.io/azure-load-balancer-internal", "networking.gke.io/load-balancer-type",
            "cloud.google.com/load-balancer-type", "service.beta.kubernetes.io/aws-load-balancer-scheme");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!o.is("Service") || o.spec() == null || !(o.spec().get("type") instanceof YScalar type)) {
                continue;
            }
            String t = type.value().strip();
            if (t.equals("NodePort")) {
                ctx.report(type.range(), o.label() + " is a NodePort: it opens a port on every node, outside TLS "
                        + "termination and ingress policies; use ClusterIP behind an Ingress or Gateway");
            } else if (t.equals("LoadBalancer") && !restricted(o)) {
                ctx.report(type.range(), o.label() + " is a LoadBalancer without loadBalancerSourceRanges: it gets "
                        + "a public address (and a bill per Service); put it behind an Ingress or restrict the source "
                        + "ranges / make it internal");
            }
        }
    }

    private static boolean restricted(K8sObject o) {
        if (o.spec().get("loadBalancerSourceRanges") instanceof YSeq s && !s.items().isEmpty()) {
            return true;
        }
        YMap ann = o.annotations();
        if (ann == null) {
            return false;
        }
        for (String key : INTERNAL) {
            String v = ann.getText(key);
            if (v != null && !v.strip().equalsIgnoreCase("false") && !v.strip().equalsIgnoreCase("internet-facing")) {
                return true;
            }
        }
        return false;
    }
}
