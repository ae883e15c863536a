package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;

/**
 * Unicode bidirectional control characters (U+202A-U+202E, U+2066-U+2069) in source code: they reorder how the
 * text is displayed, so reviewed code can differ from the code that runs ("Trojan Source", CVE-2021-42574).
 */
final class BidiCharacters extends JsRule {
    BidiCharacters() {
        super(js("bidi-characters", "Bidirectional control character in the source", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    protected boolean inTests() {
        return true;
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        String s = t.file().text();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                ctx.report(TextRange.of(i, i + 1), String.format("U+%04X, an invisible bidirectional control, "
                        + "reorders how this line is displayed: the code reviewers read may not be the code that runs; "
                        + "remove it (write \\u%04X in a string if the text needs it)", (int) c, (int) c));
            }
        }
    }
}
