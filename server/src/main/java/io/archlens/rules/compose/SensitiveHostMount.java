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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A bind mount of a sensitive host path: system directories, the root of the filesystem, credentials. */
public final class SensitiveHostMount implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/sensitive-host-mount", "Sensitive host path mounted",
            Severity.WARNING, Category.SECURITY, FileKind.COMPOSE);
    private static final Set<String> EXACT = Set.of("/", "/etc", "/root", "/home", "/proc", "/sys", "/boot", "/dev",
            "/var", "/var/run", "/run", "/var/lib/docker", "/var/lib/kubelet", "/usr", "/lib", "/bin", "/sbin", "~",
            "$home", "${home}");
    private static final List<String> PREFIXES = List.of("/proc/", "/sys/", "/boot/", "/root/", "/dev/",
            "/var/lib/docker/", "/var/lib/kubelet/", "/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/ssh",
            "/etc/kubernetes", "/etc/docker");
    private static final List<String> CREDENTIAL_DIRS = List.of("/.ssh", "/.aws", "/.kube", "/.docker", "/.gnupg",
            "/.config/gcloud", "/.azure");

    @Override
    public RuleMeta meta() {
        return META;
    }

    static boolean sensitive(String source) {
        String s = source.strip().toLowerCase(Locale.ROOT);
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (EXACT.contains(s)) {
            return true;
        }
        for (String p : PREFIXES) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        String home = s.startsWith("~") ? "/" + s.substring(1) : s;
        for (String c : CREDENTIAL_DIRS) {
            if (home.contains(c + "/") || home.endsWith(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : f.services()) {
            for (ComposeService.Mount m : s.mounts()) {
                if (m.type() != ComposeService.Mount.Type.BIND || m.source() == null
                        || DockerSocketMount.socket(m.source()) || !sensitive(m.source()) || !seen.add(m.node().range())) {
                    continue;
                }
                ctx.report(m.node().range(), "Service '" + s.name() + "' mounts the host path " + m.source().strip()
                        + ": a compromised container can read (or change) host system files or credentials; mount only "
                        + "the specific file it needs, read-only (:ro)");
            }
        }
    }
}
