package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.code.StringBuild;
import io.archlens.core.TextRange;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.go.GoStrings;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A value built from other values (concatenation, {@code fmt.Sprintf}, a strings.Builder) converted to one of
 * html/template's trusted types ({@code template.HTML}, {@code JS}, {@code JSStr}, {@code CSS}, {@code URL},
 * {@code HTMLAttr}, {@code Srcset}): the template then writes it without escaping, so a value carrying markup or
 * script runs in the reader's browser. Literals and pieces passed through an escaper do not count.
 */
final class HtmlFromString extends GoRule {
    private static final Set<String> TRUSTED = Set.of("HTML", "JS", "JSStr", "CSS", "URL", "HTMLAttr", "Srcset");
    private static final Pattern ESCAPED = Pattern.compile("^(html\\.EscapeString|template\\.(HTML|JS|URLQuery)"
            + "EscapeString|url\\.(Query|Path)Escape|strconv\\.Quote|[\\w.]*[Ss]anitize\\w*)\\(.*", Pattern.DOTALL);

    HtmlFromString() {
        super(go("html-from-string", "Trusted HTML built from values", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        GoStrings strings = null;
        for (SyntaxNode call : t.all("call_expression")) {
            String callee = Go.callee(call);
            if (!callee.startsWith("template.") || !TRUSTED.contains(callee.substring(9))
                    || Go.args(call).size() != 1) {
                continue;
            }
            strings = strings != null ? strings : new GoStrings(t);
            SyntaxNode arg = Go.args(call).get(0);
            StringBuild b = strings.build(arg).build();
            if (!b.assembledFromValues()) {
                continue;
            }
            TextRange part = b.dynamicParts().stream()
                    .filter(r -> !ESCAPED.matcher(ctx.file().slice(r)).matches()).findFirst().orElse(null);
            if (part == null) {
                continue;
            }
            String value = ctx.file().slice(part);
            ctx.report(arg.range(), callee + " marks text as safe, but it is built by " + b.describe() + " with "
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + ": the template writes it "
                    + "unescaped, so markup or script in the value runs in the reader's browser (assuming the value is "
                    + "not escaped); pass the value as template data, or escape it (html.EscapeString) first");
        }
    }
}
