package io.archlens.rules.dotenv;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;

/** Keys that are not valid environment variable names ({@code [A-Za-z_][A-Za-z0-9_]*}). */
public final class InvalidKeyRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/invalid-key", "Key is not a valid variable name",
            Severity.WARNING, Category.RELIABILITY, FileKind.DOTENV);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        for (DotenvEntry e : env.entries()) {
            String k = e.key();
            if (k.isEmpty()) {
                ctx.report(new TextRange(e.equalsOffset(), Math.max(e.equalsOffset() + 1, e.valueRange().end())),
                        "This assignment has no key before"
                        + " '=': the value is ignored; write KEY=value");
                continue;
            }
            if (isValid(k)) {
                continue;
            }
            String why;
            if (Character.isDigit(k.charAt(0))) {
                why = "starts with a digit";
            } else if (k.chars().anyMatch(Character::isWhitespace)) {
                why = "contains spaces";
            } else if (k.indexOf('-') >= 0 || k.indexOf('.') >= 0) {
                why = "contains '-' or '.'";
            } else {
                why = "contains characters other than letters, digits and '_'";
            }
            ctx.report(e.keyRange(), "Key " + why + ": shells cannot read it and several loaders drop it; use"
                    + " letters, digits and underscores only (e.g. " + suggestion(k) + ")");
        }
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}, without a regex (this runs for every key). */
    static boolean isValid(String k) {
        if (k.isEmpty() || Character.isDigit(k.charAt(0))) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String suggestion(String k) {
        String s = k.strip().replaceAll("[^A-Za-z0-9_]+", "_").toUpperCase(java.util.Locale.ROOT);
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }
}
