package io.archlens.rules.dotenv;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;

/** An opening quote that is never closed, or text after a closing quote. */
public final class UnbalancedQuotesRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/unbalanced-quotes", "Unbalanced quotes in a value",
            Severity.ERROR, Category.RELIABILITY, FileKind.DOTENV).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        for (DotenvEntry e : env.entries()) {
            switch (e.problem()) {
                case UNTERMINATED -> ctx.report(e.problemRange(), "The " + e.quote() + " opening the value of "
                        + e.key() + " is never closed: loaders either fail or swallow the following lines into this"
                        + " value; add the closing " + e.quote(), Fix.unsafe("Close the quote at the end of the line",
                                Edit.insert(e.valueRange().end(), String.valueOf(e.quote()))));
                case TRAILING_TEXT -> ctx.report(e.problemRange(), "Text after the closing quote of " + e.key()
                        + " is dropped by some loaders and rejected by others; put it inside the quotes or start a"
                        + " comment with ' #'");
                default -> {
                }
            }
        }
    }
}
