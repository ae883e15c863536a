package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Flag;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;

/** {@code chmod 777} (any mode that lets others write), in RUN or in COPY/ADD {@code --chmod}. */
final class WorldWritable implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("chmod-777", "World-writable permissions (chmod 777)",
            Severity.WARNING, Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        List<Instruction> copies = new ArrayList<>(Docker.of(d.instructions(), "COPY"));
        copies.addAll(Docker.of(d.instructions(), "ADD"));
        for (Instruction ins : copies) {
            Flag f = ins.flag("chmod");
            if (f != null && f.value() != null && worldWritable(f.value())) {
                report(ctx, f.valueRange() != null ? f.valueRange() : f.range(), f.value());
            }
        }
        for (Instruction run : Docker.allRuns(d)) {
            for (ShellCommand c : run.commands()) {
                if (!c.name().equals("chmod")) {
                    continue;
                }
                List<Word> e = c.effective();
                for (int k = 1; k < e.size(); k++) {
                    Word w = e.get(k);
                    if (w.isOption() && !w.text().matches("-[rwxXst]+")) {
                        continue;
                    }
                    if (worldWritable(w.text())) {
                        report(ctx, w.range(), w.text());
                    }
                    break;
                }
            }
        }
    }

    private static void report(RuleContext ctx, TextRange r, String mode) {
        ctx.report(r, "Mode " + mode + " lets every user and process in the container write here, so a compromised "
                + "dependency or a bug can replace code and config; give ownership to the runtime user "
                + "(chown/--chown) and use 755 for directories, 644 for files");
    }

    /** True for numeric modes with the others-write bit, and symbolic o+w/a+w style modes. */
    static boolean worldWritable(String mode) {
        if (mode.matches("[0-7]{3,4}")) {
            int others = mode.charAt(mode.length() - 1) - '0';
            return (others & 2) != 0;
        }
        for (String clause : mode.split(",")) {
            int op = -1;
            for (int i = 0; i < clause.length(); i++) {
                char c = clause.charAt(i);
                if (c == '+' || c == '=') {
                    op = i;
                    break;
                }
                if (c == '-') {
                    break;
                }
                if ("ugoa".indexOf(c) < 0) {
                    return false;
                }
            }
            if (op <= 0) {
                continue;
            }
            String who = clause.substring(0, op);
            String perms = clause.substring(op + 1);
            if ((who.contains("o") || who.contains("a")) && perms.contains("w")) {
                return true;
            }
        }
        return false;
    }
}
