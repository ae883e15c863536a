package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlEdits;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** No {@code security_opt: [no-new-privileges:true]}: setuid binaries can still raise privileges. */
public final class NoNewPrivileges implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/no-new-privileges", "no-new-privileges is not set",
            Severity.INFO, Category.SECURITY, FileKind.COMPOSE).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            if (s.isTrue("privileged")) {
                continue;
            }
            YEntry opts = s.get("security_opt");
            boolean set = false;
            YScalar disabled = null;
            if (opts != null) {
                for (YScalar o : ComposeSupport.scalarItems(opts.value())) {
                    String v = o.value().strip().toLowerCase(Locale.ROOT).replace('=', ':');
                    if (v.equals("no-new-privileges") || v.equals("no-new-privileges:true")) {
                        set = true;
                    } else if (v.equals("no-new-privileges:false")) {
                        disabled = o;
                    }
                }
            }
            if (set) {
                continue;
            }
            if (disabled != null) {
                if (seen.add(disabled.range())) {
                    ctx.report(disabled.range(), "Service '" + s.name() + "' explicitly allows privilege escalation "
                            + "through setuid binaries: use no-new-privileges:true",
                            Fix.unsafe("Set no-new-privileges:true", f.edits().replaceScalar(disabled, "no-new-privileges:true")));
                }
                continue;
            }
            String msg = "Service '" + s.name() + "' does not set no-new-privileges: a setuid binary in the image can "
                    + "give an attacker root inside the container; add security_opt: [no-new-privileges:true]";
            Edit edit = null;
            if (opts == null && !s.aliased()) {
                edit = f.edits().insertEntries(s.map(), "security_opt: [no-new-privileges:true]");
            } else if (opts != null && opts.value() instanceof YSeq seq && !YamlEdits.isAlias(opts)) {
                edit = f.edits().appendItem(seq, "no-new-privileges:true");
            }
            if (edit == null) {
                ctx.report(s.nameRange(), msg);
            } else {
                ctx.report(s.nameRange(), msg, Fix.safe("Add security_opt no-new-privileges:true", edit));
            }
        }
    }
}
