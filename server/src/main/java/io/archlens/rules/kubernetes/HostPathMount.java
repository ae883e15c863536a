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

/** A {@code hostPath} volume: node files inside the pod, and pods tied to one node's disk. */
public final class HostPathMount implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/host-path-mount", "hostPath volume",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() == null || !(o.pod().spec().get("volumes") instanceof YSeq volumes)) {
                continue;
            }
            for (YNode v : volumes.items()) {
                if (!(v instanceof YMap vm) || vm.entry("hostPath") == null) {
                    continue;
                }
                YNode path = vm.at("hostPath", "path");
                if (path != null && DockerSocketMount.socket(path.text())) {
                    continue;
                }
                String p = path == null || path.text() == null ? "?" : path.text().strip();
                ctx.report(vm.entry("hostPath").key().range(), o.label() + ": volume '" + vm.getText("name")
                        + "' mounts the node path " + p + ": the pod can read (or change) node files and is tied to "
                        + "that node's disk; use a PersistentVolumeClaim, ConfigMap or emptyDir");
            }
        }
    }
}
