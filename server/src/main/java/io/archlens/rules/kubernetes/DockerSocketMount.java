package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.Locale;

/** A hostPath volume on the container runtime socket: root on the node. */
public final class DockerSocketMount implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/docker-socket-mount", "Container runtime socket mounted",
            Severity.ERROR, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    static boolean socket(String path) {
        if (path == null) {
            return false;
        }
        String p = path.strip().toLowerCase(Locale.ROOT);
        return p.endsWith("docker.sock") || p.endsWith("containerd.sock") || p.endsWith("crio.sock")
                || p.endsWith("dockershim.sock") || p.endsWith("podman.sock");
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() == null || !(o.pod().spec().get("volumes") instanceof YSeq volumes)) {
                continue;
            }
            for (YNode v : volumes.items()) {
                if (v instanceof YMap vm && vm.at("hostPath", "path") instanceof YScalar path && socket(path.value())) {
                    ctx.report(path.range(), o.label() + ": mounts the container runtime socket " + path.value().strip()
                            + ": whoever controls the pod can start privileged containers on the node; remove it "
                            + "(build images with a rootless builder such as BuildKit or kaniko)");
                }
            }
        }
    }
}
