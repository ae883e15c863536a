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
import io.archlens.syntax.yaml.YScalar;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** {@code cap_add: [ALL]}, {@code SYS_ADMIN} and other capabilities that amount to host access. */
public final class DangerousCapability implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/dangerous-capability", "Dangerous capability added",
            Severity.WARNING, Category.SECURITY, FileKind.COMPOSE);
    static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE",
            "SYS_RAWIO", "DAC_READ_SEARCH", "BPF", "SYS_BOOT", "MAC_ADMIN", "SYS_TIME");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : f.services()) {
            for (YScalar cap : ComposeSupport.scalarItems(s.value("cap_add"))) {
                String name = cap.value().strip().toUpperCase(Locale.ROOT);
                if (name.startsWith("CAP_")) {
                    name = name.substring(4);
                }
                if (DANGEROUS.contains(name) && seen.add(cap.range())) {
                    ctx.report(cap.range(), "Service '" + s.name() + "' adds capability " + name + (name.equals("ALL")
                            ? ", which is as good as privileged" : ", which gives a compromised process host-level power")
                            + "; add only the narrow capability it really needs (e.g. NET_BIND_SERVICE)");
                }
            }
        }
    }
}
