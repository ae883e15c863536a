package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The Docker (or containerd/Podman/CRI-O) socket mounted into a container: root on the host. */
public final class DockerSocketMount implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/docker-socket-mount", "Docker socket mounted into a container",
            Severity.ERROR, Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    static boolean socket(String source) {
        if (source == null) {
            return false;
        }
        String s = source.strip().toLowerCase(Locale.ROOT);
        return s.endsWith("docker.sock") || s.endsWith("containerd.sock") || s.endsWith("podman.sock")
                || s.endsWith("crio.sock") || s.endsWith("dockershim.sock");
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : f.services()) {
            for (ComposeService.Mount m : s.mounts()) {
                if (m.type() == ComposeService.Mount.Type.BIND && socket(m.source()) && seen.add(m.node().range())) {
                    ctx.report(m.node().range(), "Service '" + s.name() + "' mounts the container runtime socket "
                            + m.source().strip() + ": whoever controls this container can start privileged containers, "
                            + "i.e. is root on the host; use a socket proxy with a read-only allow-list or remove the mount");
                }
            }
        }
    }
}
