package io.archlens.syntax.hcl;

import io.archlens.analysis.CoreRules;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tolerant, hand-written HCL2 native-syntax parser (the Terraform language) that keeps exact positions.
 * Blocks with labels, attributes, expressions (literals, templates with {@code ${...}} and {@code %{...}},
 * heredocs {@code <<EOF} / {@code <<-EOF}, tuples, objects, references, function calls, operators,
 * conditionals, {@code for} expressions, splats) and the three comment styles. It never throws: syntax errors
 * become {@code archlens/syntax-error} issues at the offending token, and parsing resumes at the next line.
 */
public final class HclParser {
    /** Syntax errors reported per file; after that parsing goes on silently. */
    static final int MAX_ISSUES = 50;
    /** Nesting allowed before a bracketed region is skipped instead of parsed. */
    static final int MAX_DEPTH = 200;

    private final String s;
    private final LineIndex lines;
    private final List<ParseIssue> issues = new ArrayList<>();
    private int n;
    private int pos;
    /** When > 0, newlines are plain whitespace inside expressions (parentheses, brackets, interpolations). */
    private int nlSkip;
    private int depth;
    private int errorCount;
    private int lastErrorLine = -1;

    private HclParser(String text, LineIndex lines) {
        this.s = text;
        this.n = text.length();
        this.lines = lines;
    }

    public static Parsed<HclFile> parse(SourceFile file) {
        return parse(file.text(), file.lines());
    }

    public static Parsed<HclFile> parse(String text) {
        return parse(text, LineIndex.of(text));
    }

    private static Parsed<HclFile> parse(String text, LineIndex lines) {
        HclParser p = new HclParser(text, lines);
        HclBody body;
        try {
            body = p.parseBody(-1);
        } catch (RuntimeException | StackOverflowError e) {
            // defensive: the parser is written not to throw; keep whatever was reported
            p.issues.add(ParseIssue.syntax(TextRange.empty(Math.min(p.pos, text.length())),
                    "HCL could not be parsed past this point (" + e.getClass().getSimpleName() + ")"));
            body = new HclBody(List.of(), List.of(), new TextRange(0, text.length()));
        }
        return new Parsed<>(new HclFile(body), p.issues);
    }

    // ------------------------------------------------------------------ errors

    private void error(TextRange r, String message) {
        lastErrorLine = lines.lineOf(r.start());
        errorCount++;
        if (errorCount <= MAX_ISSUES) {
            issues.add(ParseIssue.syntax(r, "HCL: " + message));
        } else if (errorCount == MAX_ISSUES + 1) {
            issues.add(ParseIssue.notAnalyzed(r, "More than " + MAX_ISSUES
                    + " HCL syntax errors; further ones are not reported"));
        }
    }

    private void errorAt(int offset, String message) {
        error(tokenRange(offset), message);
    }

    /** The range of the token-ish run at {@code offset} (at least one character when not at a line end). */
    private TextRange tokenRange(int offset) {
        int o = Math.min(offset, n);
        if (o >= n || isNewline(s.charAt(o))) {
            return TextRange.empty(o);
        }
        int e = o;
        if (isIdStart(s.charAt(o))) {
            while (e < n && isIdPart(s.charAt(e))) {
                e++;
            }
        } else {
            e = o + Character.charCount(s.codePointAt(o));
        }
        return new TextRange(o, e);
    }

    private int line(int offset) {
        return lines.lineOf(offset) + 1;
    }

    // ------------------------------------------------------------------ character classes

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isIdStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    private boolean startsWith(String t) {
        return s.startsWith(t, pos) && pos + t.length() <= n;
    }

    // ------------------------------------------------------------------ whitespace and comments

    /** Skips spaces, tabs and comments on the current line (a block comment may span lines). */
    private void skipSpace() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || (c == '/' && at(pos + 1) == '/')) {
                while (pos < n && !isNewline(s.charAt(pos))) {
                    pos++;
                }
            } else if (c == '/' && at(pos + 1) == '*') {
                int start = pos;
                int end = s.indexOf("*/", pos + 2);
                if (end < 0 || end + 2 > n) {
                    error(new TextRange(start, start + 2), "Unterminated comment: '/*' has no closing '*/'");
                    pos = n;
                } else {
                    pos = end + 2;
                }
            } else {
                break;
            }
        }
    }

    private void skipWsNl() {
        while (true) {
            skipSpace();
            if (pos < n && isNewline(s.charAt(pos))) {
                pos++;
            } else {
                break;
            }
        }
    }

    /** Whitespace inside an expression: newlines too when nested in brackets. */
    private void ws() {
        if (nlSkip > 0) {
            skipWsNl();
        } else {
            skipSpace();
        }
    }

    private String ident() {
        int st = pos;
        while (pos < n && isIdPart(s.charAt(pos))) {
            pos++;
        }
        return s.substring(st, pos);
    }

    private boolean atKeyword(String kw) {
        if (!s.startsWith(kw, pos) || pos + kw.length() > n) {
            return false;
        }
        int e = pos + kw.length();
        return e >= n || !isIdPart(s.charAt(e));
    }

    // ------------------------------------------------------------------ recovery

    /**
     * Skips the rest of the current item: to the end of the line, past any bracketed region that starts on
     * it, but never past a '}' that would close the enclosing block.
     */
    private void recoverLine() {
        int bracket = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (isNewline(c) && bracket == 0) {
                return;
            }
            if (c == '"') {
                skipQuotedRaw();
                continue;
            }
            if (c == '#' || (c == '/' && at(pos + 1) == '/') || (c == '/' && at(pos + 1) == '*')) {
                skipSpace();
                continue;
            }
            if (c == '{' || c == '[' || c == '(') {
                bracket++;
            } else if (c == '}' || c == ']' || c == ')') {
                if (bracket == 0) {
                    if (c == '}') {
                        return;
                    }
                } else {
                    bracket--;
                }
            }
            pos++;
        }
    }

    /** Skips a quoted string without building a value (recovery and deep nesting). */
    private void skipQuotedRaw() {
        pos++;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '"') {
                pos++;
                return;
            } else if (isNewline(c)) {
                return;
            } else {
                pos++;
            }
        }
    }

    /** Skips from an opening bracket at pos to just past its partner; returns false at end of input. */
    private boolean skipBalanced() {
        int bracket = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '"') {
                skipQuotedRaw();
                continue;
            }
            if (c == '#' || (c == '/' && (at(pos + 1) == '/' || at(pos + 1) == '*'))) {
                skipSpace();
                continue;
            }
            if (c == '{' || c == '[' || c == '(') {
                bracket++;
            } else if (c == '}' || c == ']' || c == ')') {
                bracket--;
                if (bracket <= 0) {
                    pos++;
                    return true;
                }
            }
            pos++;
        }
        return false;
    }

    // ------------------------------------------------------------------ bodies

    private HclBody parseBody(int openBrace) {
        int start = openBrace < 0 ? 0 : openBrace + 1;
        List<HclAttribute> attrs = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        Map<String, HclAttribute> seen = new HashMap<>();
        while (true) {
            skipWsNl();
            if (pos >= n) {
                if (openBrace >= 0) {
                    error(new TextRange(openBrace, openBrace + 1), "Block opened at line " + line(openBrace)
                            + " is not closed: missing '}'");
                }
                break;
            }
            char c = s.charAt(pos);
            if (c == '}') {
                if (openBrace >= 0) {
                    break;
                }
                errorAt(pos, "Unexpected '}': no block is open here");
                pos++;
                continue;
            }
            if (!isIdStart(c)) {
                errorAt(pos, "Expected an attribute name or a block type, found '" + tokenText(pos) + "'");
                recoverLine();
                if (pos < n && s.charAt(pos) == '}' && openBrace < 0) {
                    continue;
                }
                continue;
            }
            int nameStart = pos;
            String name = ident();
            TextRange nameRange = new TextRange(nameStart, pos);
            skipSpace();
            if (pos < n && s.charAt(pos) == '=' && at(pos + 1) != '=') {
                pos++;
                skipSpace();
                HclExpr value;
                if (pos >= n || isNewline(s.charAt(pos)) || s.charAt(pos) == '}') {
                    error(new TextRange(nameStart, pos), "Attribute '" + name + "' has no value");
                    value = new HclExpr.Other("invalid", List.of(), TextRange.empty(pos));
                } else {
                    value = parseExpr();
                }
                HclAttribute a = new HclAttribute(name, nameRange, value,
                        new TextRange(nameStart, Math.max(nameStart, value.range().end())));
                HclAttribute prev = seen.put(name, a);
                if (prev != null) {
                    issues.add(new ParseIssue(CoreRules.DUPLICATE_KEY.id(), Severity.WARNING, nameRange,
                            "Attribute '" + name + "' is already set at line " + line(prev.nameRange().start())
                                    + "; Terraform rejects duplicate arguments"));
                }
                attrs.add(a);
                endOfItem("attribute '" + name + "'");
                continue;
            }
            List<HclLabel> labels = new ArrayList<>();
            while (pos < n) {
                char d = s.charAt(pos);
                if (d == '"') {
                    int ls = pos;
                    HclExpr.Str str = parseQuoted();
                    labels.add(new HclLabel(str.value(), new TextRange(ls, pos)));
                } else if (isIdStart(d)) {
                    int ls = pos;
                    String l = ident();
                    labels.add(new HclLabel(l, new TextRange(ls, pos)));
                } else {
                    break;
                }
                skipSpace();
            }
            if (pos < n && s.charAt(pos) == '{') {
                int ob = pos;
                pos++;
                HclBody body;
                if (depth >= MAX_DEPTH) {
                    error(new TextRange(ob, ob + 1), "Blocks nested deeper than " + MAX_DEPTH
                            + " levels; the inside is not analysed");
                    pos = ob;
                    skipBalanced();
                    body = new HclBody(List.of(), List.of(), new TextRange(ob + 1, Math.max(ob + 1, pos - 1)));
                    blocks.add(new HclBlock(name, nameRange, labels, body, ob, pos - 1,
                            new TextRange(nameStart, pos)));
                    continue;
                }
                depth++;
                body = parseBody(ob);
                depth--;
                int cb = -1;
                if (pos < n && s.charAt(pos) == '}') {
                    cb = pos;
                    pos++;
                }
                blocks.add(new HclBlock(name, nameRange, labels, body, ob, cb, new TextRange(nameStart, pos)));
                endOfItem("block '" + name + "'");
            } else {
                if (pos < n && s.charAt(pos) == '=' ) {
                    errorAt(pos, "'==' is not an assignment; use '=' to set '" + name + "'");
                } else if (pos >= n || isNewline(s.charAt(pos))) {
                    error(nameRange, "'" + name + "' needs '= value' (an attribute) or '{ ... }' (a block)");
                } else {
                    errorAt(pos, "Expected '=' or '{' after '" + name + "', found '" + tokenText(pos) + "'");
                }
                recoverLine();
            }
        }
        int end = openBrace < 0 ? n : Math.max(start, pos);
        return new HclBody(attrs, blocks, new TextRange(start, end));
    }

    private String tokenText(int offset) {
        TextRange r = tokenRange(offset);
        return r.isEmpty() ? "end of line" : s.substring(r.start(), r.end());
    }

    /** After an attribute or block: only a newline, a comment or a closing '}' may follow. */
    private void endOfItem(String what) {
        skipSpace();
        if (pos >= n) {
            return;
        }
        char c = s.charAt(pos);
        if (isNewline(c) || c == '}') {
            return;
        }
        if (lines.lineOf(pos) == lastErrorLine) {
            // the error on this line is already reported; just resynchronise
            recoverLine();
            return;
        }
        errorAt(pos, "Unexpected '" + tokenText(pos) + "' after " + what + "; put each argument on its own line");
        recoverLine();
    }

    // ------------------------------------------------------------------ expressions

    private HclExpr parseExpr() {
        if (depth >= MAX_DEPTH) {
            int st = pos;
            error(tokenRange(st), "Expression nested deeper than " + MAX_DEPTH + " levels; not analysed");
            recoverExprTooDeep();
            return new HclExpr.Other("invalid", List.of(), new TextRange(st, Math.max(st, pos)));
        }
        depth++;
        try {
            return parseConditional();
        } finally {
            depth--;
        }
    }

    private void recoverExprTooDeep() {
        char c = at(pos);
        if (c == '(' || c == '[' || c == '{') {
            skipBalanced();
        } else {
            while (pos < n && !isNewline(s.charAt(pos)) && ",)]}".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
        }
    }

    private HclExpr parseConditional() {
        HclExpr cond = parseBinary(1);
        int save = pos;
        ws();
        if (pos < n && s.charAt(pos) == '?') {
            pos++;
            nlSkip++;
            try {
                ws();
                HclExpr a = parseExpr();
                ws();
                if (pos < n && s.charAt(pos) == ':') {
                    pos++;
                    ws();
                } else {
                    errorAt(pos, "Expected ':' in conditional expression, found '" + tokenText(pos) + "'");
                    return new HclExpr.Other("conditional", List.of(cond, a), new TextRange(cond.range().start(),
                            a.range().end()));
                }
                HclExpr b = parseExpr();
                return new HclExpr.Other("conditional", List.of(cond, a, b),
                        new TextRange(cond.range().start(), b.range().end()));
            } finally {
                nlSkip--;
            }
        }
        pos = save;
        return cond;
    }

    private static int precedence(String op) {
        switch (op) {
            case "||":
                return 1;
            case "&&":
                return 2;
            case "==":
            case "!=":
                return 3;
            case "<":
            case ">":
            case "<=":
            case ">=":
                return 4;
            case "+":
            case "-":
                return 5;
            default:
                return 6;
        }
    }

    private String peekOperator() {
        if (pos >= n) {
            return null;
        }
        char c = s.charAt(pos);
        char d = at(pos + 1);
        switch (c) {
            case '|':
                return d == '|' ? "||" : null;
            case '&':
                return d == '&' ? "&&" : null;
            case '=':
                return d == '=' ? "==" : null;
            case '!':
                return d == '=' ? "!=" : null;
            case '<':
                return d == '=' ? "<=" : d == '<' ? null : "<";
            case '>':
                return d == '=' ? ">=" : ">";
            case '+':
                return "+";
            case '-':
                return "-";
            case '*':
                return "*";
            case '/':
                return d == '/' || d == '*' ? null : "/";
            case '%':
                return d == '{' ? null : "%";
            default:
                return null;
        }
    }

    private HclExpr parseBinary(int minPrec) {
        HclExpr left = parseUnary();
        while (true) {
            int save = pos;
            ws();
            String op = peekOperator();
            if (op == null || precedence(op) < minPrec) {
                pos = save;
                return left;
            }
            pos += op.length();
            nlSkip++;
            HclExpr right;
            try {
                ws();
                right = parseBinaryRight(precedence(op) + 1);
            } finally {
                nlSkip--;
            }
            left = new HclExpr.Other("binary " + op, List.of(left, right),
                    new TextRange(left.range().start(), Math.max(left.range().start(), right.range().end())));
        }
    }

    private HclExpr parseBinaryRight(int minPrec) {
        if (depth >= MAX_DEPTH) {
            return parseExpr();
        }
        depth++;
        try {
            return parseBinary(minPrec);
        } finally {
            depth--;
        }
    }

    private HclExpr parseUnary() {
        if (pos < n && (s.charAt(pos) == '!' || s.charAt(pos) == '-')) {
            int st = pos;
            pos++;
            skipSpace();
            HclExpr operand;
            if (depth >= MAX_DEPTH) {
                operand = parseExpr();
            } else {
                depth++;
                try {
                    operand = parseUnary();
                } finally {
                    depth--;
                }
            }
            if (s.charAt(st) == '-' && operand instanceof HclExpr.Num num) {
                return new HclExpr.Num("-" + num.text(), new TextRange(st, num.range().end()));
            }
            return new HclExpr.Other("unary " + s.charAt(st), List.of(operand), new TextRange(st, operand.range().end()));
        }
        return parsePostfix(parseTerm());
    }

    private HclExpr parsePostfix(HclExpr base) {
        HclExpr cur = base;
        while (pos < n) {
            char c = s.charAt(pos);
            int st = cur.range().start();
            if (c == '.' && pos + 1 < n) {
                char d = s.charAt(pos + 1);
                if (d == '.') {
                    return cur; // '...' expansion, handled by the caller
                }
                if (d == '*') {
                    pos += 2;
                    cur = extend(cur, "[*]", st);
                } else if (Character.isDigit(d)) {
                    pos++;
                    int ds = pos;
                    while (pos < n && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                    cur = extend(cur, "[" + s.substring(ds, pos) + "]", st);
                } else if (isIdStart(d)) {
                    pos++;
                    cur = extend(cur, ident(), st);
                } else {
                    errorAt(pos + 1, "Expected an attribute name after '.'");
                    pos++;
                    return cur;
                }
            } else if (c == '[') {
                int ob = pos;
                pos++;
                nlSkip++;
                try {
                    ws();
                    if (pos < n && s.charAt(pos) == '*') {
                        pos++;
                        ws();
                        if (!expect(']', ob, "index")) {
                            return cur;
                        }
                        cur = extend(cur, "[*]", st);
                        continue;
                    }
                    HclExpr idx = parseExpr();
                    ws();
                    if (!expect(']', ob, "index")) {
                        return new HclExpr.Other("index", List.of(cur, idx), new TextRange(st, pos));
                    }
                    if (cur instanceof HclExpr.Ref ref && (idx instanceof HclExpr.Num || idx instanceof HclExpr.Str str
                            && !str.template())) {
                        String key = idx instanceof HclExpr.Num num ? num.text()
                                : "\"" + ((HclExpr.Str) idx).value() + "\"";
                        List<String> parts = new ArrayList<>(ref.parts());
                        parts.add("[" + key + "]");
                        cur = new HclExpr.Ref(parts, new TextRange(st, pos));
                    } else {
                        cur = new HclExpr.Other("index", List.of(cur, idx), new TextRange(st, pos));
                    }
                } finally {
                    nlSkip--;
                }
            } else {
                return cur;
            }
        }
        return cur;
    }

    private HclExpr extend(HclExpr cur, String part, int start) {
        if (cur instanceof HclExpr.Ref ref) {
            List<String> parts = new ArrayList<>(ref.parts());
            parts.add(part);
            return new HclExpr.Ref(parts, new TextRange(start, pos));
        }
        return new HclExpr.Other("attr " + part, List.of(cur), new TextRange(start, pos));
    }

    /** Consumes {@code close} or reports that the bracket opened at {@code open} is not closed. */
    private boolean expect(char close, int open, String what) {
        if (pos < n && s.charAt(pos) == close) {
            pos++;
            return true;
        }
        errorAt(pos, "Expected '" + close + "' to close the " + what + " opened at line " + line(open)
                + ", found '" + tokenText(pos) + "'");
        return false;
    }

    private HclExpr parseTerm() {
        if (pos >= n) {
            errorAt(pos, "Expected an expression, found end of file");
            return new HclExpr.Other("invalid", List.of(), TextRange.empty(pos));
        }
        char c = s.charAt(pos);
        int st = pos;
        if (c == '"') {
            return parseQuoted();
        }
        if (c == '<' && at(pos + 1) == '<') {
            return parseHeredoc();
        }
        if (Character.isDigit(c)) {
            return parseNumber();
        }
        if (c == '[') {
            return parseTuple();
        }
        if (c == '{') {
            return parseObject();
        }
        if (c == '(') {
            pos++;
            nlSkip++;
            try {
                ws();
                HclExpr inner = parseExpr();
                ws();
                expect(')', st, "parenthesis");
                return new HclExpr.Other("paren", List.of(inner), new TextRange(st, pos));
            } finally {
                nlSkip--;
            }
        }
        if (isIdStart(c)) {
            String name = ident();
            // provider-defined functions: provider::aws::arn_parse(...)
            while (pos + 2 < n && s.charAt(pos) == ':' && s.charAt(pos + 1) == ':' && isIdStart(s.charAt(pos + 2))) {
                pos += 2;
                name = name + "::" + ident();
            }
            TextRange nameRange = new TextRange(st, pos);
            switch (name) {
                case "true":
                    return new HclExpr.Bool(true, nameRange);
                case "false":
                    return new HclExpr.Bool(false, nameRange);
                case "null":
                    return new HclExpr.Null(nameRange);
                default:
                    break;
            }
            int save = pos;
            skipSpace();
            if (pos < n && s.charAt(pos) == '(') {
                return parseCall(name, nameRange);
            }
            pos = save;
            return new HclExpr.Ref(List.of(name), nameRange);
        }
        errorAt(pos, "Expected an expression, found '" + tokenText(pos) + "'");
        return new HclExpr.Other("invalid", List.of(), TextRange.empty(pos));
    }

    private HclExpr parseNumber() {
        int st = pos;
        while (pos < n && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < n && s.charAt(pos) == '.' && Character.isDigit(s.charAt(pos + 1))) {
            pos++;
            while (pos < n && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
        }
        if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < n && Character.isDigit(s.charAt(pos))) {
                while (pos < n && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return new HclExpr.Num(s.substring(st, pos), new TextRange(st, pos));
    }

    private HclExpr parseCall(String name, TextRange nameRange) {
        int ob = pos;
        pos++;
        List<HclExpr> args = new ArrayList<>();
        nlSkip++;
        try {
            while (true) {
                ws();
                if (pos >= n) {
                    error(new TextRange(ob, ob + 1), "Call to " + name + "() is not closed: missing ')'");
                    break;
                }
                if (s.charAt(pos) == ')') {
                    pos++;
                    break;
                }
                int before = pos;
                HclExpr arg = parseExpr();
                args.add(arg);
                ws();
                if (startsWith("...")) {
                    pos += 3;
                    ws();
                }
                if (pos < n && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < n && s.charAt(pos) == ')') {
                    pos++;
                    break;
                }
                errorAt(pos, "Expected ',' or ')' in the arguments of " + name + "(), found '" + tokenText(pos) + "'");
                if (pos == before || closesOuter()) {
                    break;
                }
                pos = arg.range().end();
                break;
            }
        } finally {
            nlSkip--;
        }
        return new HclExpr.Call(name, nameRange, args, new TextRange(nameRange.start(), Math.max(nameRange.end(), pos)));
    }

    private boolean closesOuter() {
        return pos >= n || s.charAt(pos) == '}';
    }

    private HclExpr parseTuple() {
        int ob = pos;
        pos++;
        nlSkip++;
        List<HclExpr> items = new ArrayList<>();
        try {
            ws();
            if (atKeyword("for")) {
                return parseFor(ob, ']');
            }
            while (true) {
                ws();
                if (pos >= n) {
                    error(new TextRange(ob, ob + 1), "List opened here is not closed: missing ']'");
                    break;
                }
                if (s.charAt(pos) == ']') {
                    pos++;
                    break;
                }
                int before = pos;
                HclExpr item = parseExpr();
                items.add(item);
                int afterItem = pos;
                ws();
                if (pos < n && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < n && s.charAt(pos) == ']') {
                    pos++;
                    break;
                }
                errorAt(pos, "Expected ',' or ']' in the list opened at line " + line(ob) + ", found '"
                        + tokenText(pos) + "'");
                if (pos == before) {
                    recoverLine();
                } else {
                    pos = afterItem;
                }
                break;
            }
        } finally {
            nlSkip--;
        }
        return new HclExpr.Tuple(items, new TextRange(ob, Math.max(ob + 1, pos)));
    }

    private HclExpr parseObject() {
        int ob = pos;
        pos++;
        int savedNl = nlSkip;
        List<HclExpr.ObjItem> items = new ArrayList<>();
        try {
            skipWsNl();
            if (atKeyword("for")) {
                nlSkip = 1;
                return parseFor(ob, '}');
            }
            nlSkip = 0;
            while (true) {
                skipWsNl();
                if (pos >= n) {
                    error(new TextRange(ob, ob + 1), "Object opened here is not closed: missing '}'");
                    break;
                }
                if (s.charAt(pos) == '}') {
                    pos++;
                    break;
                }
                int before = pos;
                HclExpr key = parseExpr();
                skipSpace();
                String keyName = null;
                if (key instanceof HclExpr.Ref ref && ref.parts().size() == 1) {
                    keyName = ref.parts().get(0);
                } else if (key instanceof HclExpr.Str str && !str.template()) {
                    keyName = str.value();
                }
                if (pos < n && (s.charAt(pos) == '=' && at(pos + 1) != '=' || s.charAt(pos) == ':')) {
                    pos++;
                    skipSpace();
                    HclExpr value = parseExpr();
                    items.add(new HclExpr.ObjItem(key, keyName, value));
                } else {
                    errorAt(pos, "Expected '=' or ':' after the object key, found '" + tokenText(pos) + "'");
                    if (pos == before) {
                        pos++;
                    }
                    recoverLine();
                    if (pos < n && s.charAt(pos) == '}' && lines.lineOf(pos) != lines.lineOf(ob)) {
                        // a '}' on its own line most likely closes this object
                        pos++;
                        break;
                    }
                    continue;
                }
                skipSpace();
                if (pos < n && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos >= n || isNewline(s.charAt(pos)) || s.charAt(pos) == '}') {
                    continue;
                }
                errorAt(pos, "Expected ',' or a new line between object items, found '" + tokenText(pos) + "'");
                recoverLine();
            }
        } finally {
            nlSkip = savedNl;
        }
        return new HclExpr.Obj(items, new TextRange(ob, Math.max(ob + 1, pos)));
    }

    /** {@code [for v in xs : expr if cond]} / {@code {for k, v in m : k => v... if cond}}; pos is at 'for'. */
    private HclExpr parseFor(int ob, char close) {
        List<HclExpr> parts = new ArrayList<>();
        pos += 3;
        skipWsNl();
        while (pos < n && isIdStart(s.charAt(pos)) && !atKeyword("in")) {
            ident();
            skipWsNl();
            if (pos < n && s.charAt(pos) == ',') {
                pos++;
                skipWsNl();
            }
        }
        if (atKeyword("in")) {
            pos += 2;
            skipWsNl();
            parts.add(parseExpr());
            skipWsNl();
        } else {
            errorAt(pos, "Expected 'in' in the for expression, found '" + tokenText(pos) + "'");
        }
        if (pos < n && s.charAt(pos) == ':') {
            pos++;
            skipWsNl();
            parts.add(parseExpr());
            skipWsNl();
            if (startsWith("=>")) {
                pos += 2;
                skipWsNl();
                parts.add(parseExpr());
                skipWsNl();
            }
            if (startsWith("...")) {
                pos += 3;
                skipWsNl();
            }
            if (atKeyword("if")) {
                pos += 2;
                skipWsNl();
                parts.add(parseExpr());
                skipWsNl();
            }
        } else {
            errorAt(pos, "Expected ':' in the for expression, found '" + tokenText(pos) + "'");
        }
        if (pos < n && s.charAt(pos) == close) {
            pos++;
        } else {
            errorAt(pos, "Expected '" + close + "' to close the for expression opened at line " + line(ob)
                    + ", found '" + tokenText(pos) + "'");
            // skip to the partner bracket when it is near
            int save = pos;
            pos = ob;
            if (!skipBalanced()) {
                pos = save;
            }
        }
        return new HclExpr.Other("for", parts, new TextRange(ob, pos));
    }

    // ------------------------------------------------------------------ strings

    /** A quoted template at pos ('"'); stops at the closing quote or, unterminated, at the line end. */
    private HclExpr.Str parseQuoted() {
        int st = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        List<HclExpr> interps = new ArrayList<>();
        boolean template = false;
        while (true) {
            if (pos >= n || isNewline(s.charAt(pos))) {
                error(new TextRange(st, pos), "Unterminated string: missing closing '\"'");
                break;
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                pos = escape(sb, pos);
                continue;
            }
            int t = template(sb, interps);
            if (t == TEMPLATE_SEQUENCE) {
                template = true;
            }
            if (t != 0) {
                continue;
            }
            sb.append(c);
            pos++;
        }
        return new HclExpr.Str(sb.toString(), interps, template, false, new TextRange(st, pos));
    }

    private static final int TEMPLATE_ESCAPE = 1;
    private static final int TEMPLATE_SEQUENCE = 2;

    /**
     * Handles {@code $${}, %%{, ${...}, %{...}} at pos: 0 when nothing was consumed, TEMPLATE_ESCAPE for a
     * literal escape, TEMPLATE_SEQUENCE for an interpolation or directive.
     */
    private int template(StringBuilder sb, List<HclExpr> interps) {
        char c = s.charAt(pos);
        if ((c == '$' || c == '%') && at(pos + 1) == c && at(pos + 2) == '{') {
            sb.append(c).append('{');
            pos += 3;
            return TEMPLATE_ESCAPE;
        }
        if ((c == '$' || c == '%') && at(pos + 1) == '{') {
            int st = pos;
            pos += 2;
            if (at(pos) == '~') {
                pos++;
            }
            nlSkip++;
            try {
                skipWsNl();
                if (c == '%') {
                    // directive: %{ if cond }, %{ for x in xs }, %{ else }, %{ endif }, %{ endfor }
                    if (atKeyword("if")) {
                        pos += 2;
                        skipWsNl();
                        interps.add(parseExpr());
                    } else if (atKeyword("for")) {
                        pos += 3;
                        while (pos < n && s.charAt(pos) != '}' && !atKeyword("in") && !isNewline(s.charAt(pos))) {
                            pos++;
                        }
                        if (atKeyword("in")) {
                            pos += 2;
                            skipWsNl();
                            interps.add(parseExpr());
                        }
                    } else {
                        ident();
                    }
                } else {
                    interps.add(parseExpr());
                }
                skipWsNl();
                if (at(pos) == '~') {
                    pos++;
                }
                if (at(pos) == '}' && pos < n) {
                    pos++;
                } else {
                    errorAt(pos, "Expected '}' to close the template sequence '" + c + "{' opened here, found '"
                            + tokenText(pos) + "'");
                    while (pos < n && s.charAt(pos) != '}' && s.charAt(pos) != '"' && !isNewline(s.charAt(pos))) {
                        pos++;
                    }
                    if (at(pos) == '}' && pos < n) {
                        pos++;
                    }
                }
            } finally {
                nlSkip--;
            }
            sb.append(s, st, pos);
            return TEMPLATE_SEQUENCE;
        }
        return 0;
    }

    private int escape(StringBuilder sb, int at) {
        char e = this.at(at + 1);
        switch (e) {
            case 'n':
                sb.append('\n');
                return at + 2;
            case 'r':
                sb.append('\r');
                return at + 2;
            case 't':
                sb.append('\t');
                return at + 2;
            case '"':
                sb.append('"');
                return at + 2;
            case '\\':
                sb.append('\\');
                return at + 2;
            case 'u':
            case 'U': {
                int len = e == 'u' ? 4 : 8;
                int hs = at + 2;
                int he = hs;
                while (he < n && he - hs < len && Character.digit(s.charAt(he), 16) >= 0) {
                    he++;
                }
                if (he - hs == len) {
                    int cp = Integer.parseInt(s.substring(hs, he), 16);
                    if (Character.isValidCodePoint(cp)) {
                        sb.appendCodePoint(cp);
                        return he;
                    }
                }
                error(new TextRange(at, Math.max(at + 2, he)), "Invalid unicode escape in string");
                return Math.max(at + 2, he);
            }
            default:
                if (at + 1 >= n || isNewline(e)) {
                    return at + 1;
                }
                error(new TextRange(at, at + 2), "Invalid escape '\\" + e + "' in string; use \\\\ for a backslash");
                sb.append(e);
                return at + 2;
        }
    }

    /** {@code <<EOF} or {@code <<-EOF}, content up to a line holding only the marker. */
    private HclExpr parseHeredoc() {
        int st = pos;
        pos += 2;
        boolean indented = false;
        if (at(pos) == '-') {
            indented = true;
            pos++;
        }
        if (pos >= n || !isIdStart(s.charAt(pos))) {
            errorAt(pos, "Expected a heredoc marker such as EOF after '<<'");
            recoverLine();
            return new HclExpr.Other("invalid", List.of(), new TextRange(st, pos));
        }
        String marker = ident();
        int headerEnd = pos;
        skipSpace();
        if (pos < n && !isNewline(s.charAt(pos))) {
            errorAt(pos, "The heredoc marker must end its line; found '" + tokenText(pos) + "'");
            recoverLine();
        }
        if (pos < n && s.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < n && s.charAt(pos) == '\n') {
            pos++;
        }
        int contentStart = pos;
        int endLineStart = -1;
        int endMarkerEnd = n;
        int lineNo = lines.lineOf(contentStart);
        for (int l = lineNo; l < lines.lineCount(); l++) {
            int ls = lines.lineStart(l);
            if (ls < contentStart) {
                continue;
            }
            if (lines.lineText(l).strip().equals(marker)) {
                endLineStart = ls;
                endMarkerEnd = lines.lineEnd(l);
                break;
            }
        }
        int contentEnd = endLineStart < 0 ? n : endLineStart;
        if (endLineStart < 0) {
            error(new TextRange(st, headerEnd), "Unterminated heredoc: no line with just '" + marker + "' closes it");
        }
        // parse interpolations inside the content
        List<HclExpr> interps = new ArrayList<>();
        boolean template = false;
        StringBuilder sb = new StringBuilder();
        int savedN = n;
        n = contentEnd;
        pos = contentStart;
        try {
            while (pos < n) {
                int t = template(sb, interps);
                if (t == TEMPLATE_SEQUENCE) {
                    template = true;
                }
                if (t != 0) {
                    continue;
                }
                sb.append(s.charAt(pos));
                pos++;
            }
        } finally {
            n = savedN;
        }
        String value = sb.toString();
        if (indented) {
            value = stripIndent(value);
        }
        pos = endLineStart < 0 ? n : endMarkerEnd;
        return new HclExpr.Str(value, interps, template, true, new TextRange(st, pos));
    }

    private static String stripIndent(String v) {
        String[] ls = v.split("\n", -1);
        int min = Integer.MAX_VALUE;
        for (String l : ls) {
            if (l.isBlank()) {
                continue;
            }
            int i = 0;
            while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
                i++;
            }
            min = Math.min(min, i);
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < ls.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(ls[i].length() >= min ? ls[i].substring(min) : ls[i].strip());
        }
        return sb.toString();
    }
}
