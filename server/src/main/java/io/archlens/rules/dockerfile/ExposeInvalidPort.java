package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EXPOSE of a port number above 65535 (or a range reaching past it): Docker rejects it. */
final class ExposeInvalidPort implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("expose-invalid-port", "EXPOSE of a port outside 0-65535",
            Severity.ERROR, Category.RELIABILITY);
    private static final Pattern PORT = Pattern.compile("([0-9]+)(?:-([0-9]+))?(?:/[a-zA-Z]+)?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            for (Instruction i : Docker.of(s.instructions(), "EXPOSE")) {
                for (Word w : i.words()) {
                    Matcher m = PORT.matcher(w.text());
                    if (!m.matches()) {
                        continue;
                    }
                    String bad = tooBig(m.group(1)) ? m.group(1) : m.group(2) != null && tooBig(m.group(2))
                            ? m.group(2) : null;
                    if (bad != null) {
                        ctx.report(w.range(), "Port " + bad + " does not exist (ports run from 0 to 65535): the "
                                + "build fails; use the port the application listens on");
                    }
                }
            }
        }
    }

    private static boolean tooBig(String digits) {
        return digits.length() > 5 || Integer.parseInt(digits) > 65535;
    }
}
