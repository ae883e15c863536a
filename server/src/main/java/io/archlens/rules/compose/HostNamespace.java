package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import java.util.List;

/** {@code pid: host}, {@code ipc: host}, {@code uts: host}, {@code userns_mode: host}. */
public final class HostNamespace implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/host-namespace", "Service shares a host namespace",
            Severity.WARNING, Category.SECURITY, FileKind.COMPOSE);
    private static final List<String> KEYS = List.of("pid", "ipc", "uts", "userns_mode");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : f.services()) {
            for (String key : KEYS) {
                YEntry e = s.get(key);
                String v = s.text(key);
                if (e == null || v == null || !v.strip().equals("host")) {
                    continue;
                }
                String what = switch (key) {
                    case "pid" -> "sees and can signal every process on the host";
                    case "ipc" -> "shares the host's shared memory and semaphores";
                    case "uts" -> "can change the host's hostname";
                    default -> "runs without user-namespace remapping, so its root is the host's root";
                };
                ctx.report(f.edits().entryRange(e), "Service '" + s.name() + "' uses " + key + ": host and " + what
                        + "; remove it unless this is a host-level agent");
            }
        }
    }
}
