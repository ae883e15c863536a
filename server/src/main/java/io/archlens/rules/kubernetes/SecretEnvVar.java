package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.yaml.YNode;
import java.util.List;

/**
 * A Secret read into an environment variable ({@code valueFrom.secretKeyRef}, or {@code envFrom.secretRef}):
 * environment variables end up in crash dumps, {@code /proc/<pid>/environ}, child processes and logs of env dumps.
 */
public final class SecretEnvVar implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/secret-env-var", "Secret passed as an environment "
            + "variable", Severity.INFO, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sSupport.PodContainer pc : K8sSupport.containers(f)) {
            List<YNode> refs = new java.util.ArrayList<>();
            K8sSupport.items(pc.container(), "env").stream().filter(e -> e.at("valueFrom", "secretKeyRef") != null)
                    .forEach(refs::add);
            K8sSupport.items(pc.container(), "envFrom").stream().filter(e -> e.at("secretRef") != null)
                    .forEach(refs::add);
            if (!refs.isEmpty()) {
                ctx.report(refs.get(0).range(), pc.object().label() + ": " + pc.container().label() + " reads "
                        + (refs.size() == 1 ? "a Secret" : refs.size() + " Secret values") + " into environment "
                        + "variables, which leak through /proc/<pid>/environ, child processes, crash reports and env "
                        + "dumps in logs; mount the Secret as a file (volumes: secret) where the application can read "
                        + "files");
            }
        }
    }
}
