package io.archlens.rules.dotenv;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A key assigned twice. dotenv (Node), python-dotenv and Compose keep the last value; a shell keeps the last
 * too, but tools that stop at the first match (and readers) see the first. Reported on the later assignment.
 */
public final class DuplicateKeyRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/duplicate-key", "Key assigned more than once", Severity.WARNING,
            Category.RELIABILITY, FileKind.DOTENV).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        Map<String, DotenvEntry> seen = new HashMap<>();
        LineIndex lines = ctx.file().lines();
        for (DotenvEntry e : env.entries()) {
            if (e.key().isEmpty()) {
                continue;
            }
            DotenvEntry first = seen.putIfAbsent(e.key(), e);
            if (first == null) {
                continue;
            }
            ctx.report(e.keyRange(), e.key() + " is already set on line " + (first.line() + 1) + "; most loaders keep"
                    + " this later value and silently ignore the first, so remove one of them", List.of(
                    Fix.unsafe("Remove this line (keep the value from line " + (first.line() + 1) + ")",
                            Edit.delete(linesOf(e, lines))),
                    Fix.unsafe("Remove the earlier assignment on line " + (first.line() + 1),
                            Edit.delete(linesOf(first, lines)))), List.of());
        }
    }

    private static TextRange linesOf(DotenvEntry e, LineIndex lines) {
        return new TextRange(lines.lineStart(e.line()), lines.lineEndIncludingBreak(e.lastLine()));
    }
}
