package io.archlens.rules.dotenv;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvFile;
import io.archlens.syntax.dotenv.DotenvInvalidLine;

/** A line that is neither blank, a comment nor {@code KEY=value}. */
public final class MissingEqualsRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/missing-equals", "Line is not a KEY=value assignment",
            Severity.WARNING, Category.RELIABILITY, FileKind.DOTENV);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        java.util.List<DotenvInvalidLine> bad = env.invalidLines();
        if (bad.size() > 1 && env.entries().isEmpty() && bad.stream().allMatch(DotenvInvalidLine::colon)) {
            // every line is KEY: value: a file written in YAML's form on purpose (a tool other than a dotenv loader
            // may read it), said once rather than on each line
            ctx.report(bad.get(0).range(), "Every line of this file is written KEY: value, none KEY=value: a dotenv "
                    + "loader (Docker, Compose, dotenv libraries) sets none of these " + bad.size() + " variables; if one"
                    + " reads the file, write KEY=value");
            return;
        }
        for (DotenvInvalidLine l : bad) {
            String msg = l.colon()
                    ? "This line uses ':' instead of '=': most dotenv loaders skip it and the variable is never set;"
                            + " write KEY=value"
                    : "This line has no '=': dotenv loaders skip it (Docker passes the host's value through), so"
                            + " the variable is silently missing; write KEY=value or comment the line with #";
            ctx.report(l.range(), msg);
        }
    }
}
