package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.model.DataStoreAuth;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Redis, MongoDB, Elasticsearch/OpenSearch or RabbitMQ container that starts without authentication. */
public final class DatastoreWithoutAuth implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/datastore-without-auth", "Data store runs without "
            + "authentication", Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sSupport.PodContainer pc : K8sSupport.containers(f)) {
            Container c = pc.container();
            if (c.image() == null || c.init() || c.map().get("envFrom") != null) {
                continue; // envFrom: the settings come from elsewhere
            }
            String why = DataStoreAuth.openBecause(c.image(), env(c), command(c));
            if (why != null) {
                ctx.report(c.map().get("image").range(), pc.object().label() + ": " + why + "; anything in the "
                        + "cluster that reaches the Service (a compromised pod, a port-forward) gets the data. Set a "
                        + "password from a Secret and restrict access with a NetworkPolicy");
            }
        }
    }

    private static Map<String, String> env(Container c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (YNode e : K8sSupport.items(c, "env")) {
            YNode n = e.at("name");
            if (n == null || n.text() == null) {
                continue;
            }
            YNode v = e.at("value");
            out.put(n.text().strip(), v != null && v.text() != null ? v.text() : e.at("valueFrom") != null ? "<ref>" : "");
        }
        return out;
    }

    private static String command(Container c) {
        List<String> parts = new ArrayList<>();
        for (String key : new String[] {"command", "args"}) {
            for (YNode w : K8sSupport.items(c, key)) {
                if (w.text() != null) {
                    parts.add(w.text());
                }
            }
        }
        return String.join(" ", parts);
    }
}
