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
        for (DotenvInvalidLine l : env.invalidLines()) {
            String msg = l.colon()
                    ? "This line uses ':' instead of '=': most dotenv loaders skip it and the variable is never set;"
                            + " write KEY=value"
                    : "This line has no '=': dotenv loaders skip it (Docker passes the host's value through), so"
                            + " the variable is silently missing; write KEY=value or comment the line with #";
            ctx.report(l.range(), msg);
        }
    }
}
