package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A regular expression (literal, or {@code new RegExp('...')} with a literal pattern) with a repeated group that
 * itself repeats without bound, {@code (a+)+}, {@code (x+x+)+y}, {@code (.*,)*}: on a string that almost matches,
 * the engine tries exponentially many splits and the event loop stops for seconds to hours. A group that must
 * consume a fixed character its inner repetition cannot match ({@code (\d+\.)+}, {@code (\s*,\s*)+}) is not
 * reported: each round is pinned to that character.
 */
final class RedosRegex extends JsRule {
    RedosRegex() {
        super(js("redos-regex", "Regular expression with nested repetition", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (SyntaxNode r : t.all("regex")) {
            SyntaxNode p = r.field("pattern");
            if (p != null && nested(p.text())) {
                report(ctx, r.range());
            }
        }
        for (SyntaxNode n : t.all("new_expression")) {
            SyntaxNode ctor = Js.unwrap(n.field("constructor"));
            SyntaxNode a = Js.arg(n, 0);
            String pattern = a == null ? null : Js.stringValue(a);
            if (ctor != null && ctor.text().equals("RegExp") && pattern != null
                    && nested(pattern.replace("\\\\", "\\"))) {
                report(ctx, a.range());
            }
        }
    }

    private static void report(RuleContext ctx, TextRange range) {
        ctx.report(range, "This pattern repeats a group that itself repeats: on a long input that almost matches, "
                + "matching backtracks exponentially and blocks the event loop; make the repetitions unambiguous "
                + "(e.g. (a+)+ to a+), bound the input length, or use a linear engine (re2)");
    }

    /** A group of the pattern that repeats without bound and holds an unbounded repetition it is not pinned past. */
    static boolean nested(String re) {
        Deque<Frame> stack = new ArrayDeque<>();
        Frame cur = new Frame();
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            int atomEnd;
            boolean wide = false;
            boolean isGroupEnd = false;
            Frame closed = null;
            if (c == '\\') {
                atomEnd = Math.min(i + 2, re.length());
                char e = atomEnd > i + 1 ? re.charAt(i + 1) : ' ';
                wide = e == 'S' || e == 'W' || e == 'D';
            } else if (c == '[') {
                int j = i + 1;
                if (j < re.length() && re.charAt(j) == '^') {
                    wide = true;
                    j++;
                }
                if (j < re.length() && re.charAt(j) == ']') {
                    j++;
                }
                while (j < re.length() && re.charAt(j) != ']') {
                    j += re.charAt(j) == '\\' ? 2 : 1;
                }
                atomEnd = Math.min(j + 1, re.length());
            } else if (c == '(') {
                stack.push(cur);
                cur = new Frame();
                i += re.startsWith("(?", i) && i + 2 < re.length() && ":=!".indexOf(re.charAt(i + 2)) >= 0 ? 3 : 1;
                if (re.startsWith("(?<", i - 1) || re.startsWith("?<", i)) {
                    int close = re.indexOf('>', i);
                    i = close > 0 ? close + 1 : i;
                }
                continue;
            } else if (c == ')') {
                closed = cur;
                cur = stack.isEmpty() ? new Frame() : stack.pop();
                atomEnd = i + 1;
                isGroupEnd = true;
            } else if (c == '|') {
                cur.alternation = true;
                i++;
                continue;
            } else {
                atomEnd = i + 1;
                wide = c == '.';
            }
            int q = atomEnd;
            boolean unbounded = false;
            boolean optional = false;
            if (q < re.length()) {
                char qc = re.charAt(q);
                if (qc == '*' || qc == '+') {
                    unbounded = true;
                    optional = qc == '*';
                    q++;
                } else if (qc == '?') {
                    optional = true;
                    q++;
                } else if (qc == '{') {
                    int close = re.indexOf('}', q);
                    if (close > 0 && re.substring(q + 1, close).matches("\\d*,\\d*|\\d+")) {
                        String body = re.substring(q + 1, close);
                        unbounded = body.endsWith(",");
                        optional = body.startsWith("0") || body.startsWith(",");
                        q = close + 1;
                    }
                }
                if (q < re.length() && q > atomEnd && re.charAt(q) == '?') {
                    q++; // lazy
                }
            }
            if (isGroupEnd) {
                if (unbounded && closed.inner && (!closed.pinned || closed.wide || closed.alternation)) {
                    return true;
                }
                cur.inner |= closed.inner || unbounded;
                cur.wide |= closed.wide && (closed.inner || unbounded);
                cur.pinned |= closed.pinned && !optional && !unbounded;
            } else if (unbounded) {
                cur.inner = true;
                cur.wide |= wide;
            } else if (!optional && c != '^' && c != '$') {
                cur.pinned = true;
            }
            i = q;
        }
        return false;
    }

    private static final class Frame {
        boolean inner;
        boolean pinned;
        boolean wide;
        boolean alternation;
    }
}
