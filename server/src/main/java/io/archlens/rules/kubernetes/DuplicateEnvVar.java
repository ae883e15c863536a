package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.yaml.YNode;
import java.util.HashMap;
import java.util.Map;

/** The same name twice in a container's {@code env}: the last one wins, the other is dead and misleading. */
public final class DuplicateEnvVar implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/duplicate-env-var", "Environment variable set twice",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sSupport.PodContainer pc : K8sSupport.containers(f)) {
            Map<String, YNode> seen = new HashMap<>();
            for (YNode e : K8sSupport.items(pc.container(), "env")) {
                YNode name = e.at("name");
                if (name == null || name.text() == null) {
                    continue;
                }
                YNode first = seen.putIfAbsent(name.text().strip(), name);
                if (first != null) {
                    ctx.report(name.range(), pc.object().label() + ": " + pc.container().label() + " sets "
                            + name.text().strip() + " twice (first on line "
                            + (ctx.file().lines().lineOf(first.range().start()) + 1)
                            + "); only the last value takes effect, remove the other");
                }
            }
        }
    }
}
