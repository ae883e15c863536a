package io.archlens.rules.terraform;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.SourceFile;
import io.archlens.analysis.SuppressionEdits;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Shared helpers of the Terraform rules: literal values, references, resource links and attribute insertion. */
final class Tf {
    private Tf() {
    }

    /** The string value of a literal (non-template) string, or null. */
    static String str(HclExpr e) {
        return e instanceof HclExpr.Str s && !s.template() ? s.value() : null;
    }

    /** A literal bool (or the strings "true"/"false"), or null when unknown. */
    static Boolean bool(HclExpr e) {
        if (e instanceof HclExpr.Bool b) {
            return b.value();
        }
        String s = str(e);
        if ("true".equalsIgnoreCase(s)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(s)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** A literal number (or numeric string), or null. */
    static Double num(HclExpr e) {
        if (e instanceof HclExpr.Num n) {
            return n.value();
        }
        String s = str(e);
        if (s != null) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    /** Tuple items; a single expression counts as a one-item list; null gives an empty list. */
    static List<HclExpr> items(HclExpr e) {
        if (e == null) {
            return List.of();
        }
        if (e instanceof HclExpr.Tuple t) {
            return t.items();
        }
        return List.of(e);
    }

    static String attrStr(HclBlock b, String name) {
        return str(b.value(name));
    }

    static Boolean attrBool(HclBlock b, String name) {
        return bool(b.value(name));
    }

    /** Walks an expression tree depth first. */
    static void walk(HclExpr e, Consumer<HclExpr> visit) {
        if (e == null) {
            return;
        }
        List<HclExpr> stack = new ArrayList<>();
        stack.add(e);
        while (!stack.isEmpty()) {
            HclExpr cur = stack.remove(stack.size() - 1);
            visit.accept(cur);
            List<HclExpr> ch = cur.children();
            for (int i = ch.size() - 1; i >= 0; i--) {
                stack.add(ch.get(i));
            }
        }
    }

    /** Walks every attribute value of a body and its nested blocks. */
    static void walkAll(io.archlens.syntax.hcl.HclBody body, Consumer<HclExpr> visit) {
        List<io.archlens.syntax.hcl.HclBody> stack = new ArrayList<>();
        stack.add(body);
        while (!stack.isEmpty()) {
            io.archlens.syntax.hcl.HclBody b = stack.remove(stack.size() - 1);
            for (HclAttribute a : b.attributes()) {
                walk(a.value(), visit);
            }
            for (int i = b.blocks().size() - 1; i >= 0; i--) {
                stack.add(b.blocks().get(i).body());
            }
        }
    }

    /** True when the expression contains a reference starting with {@code prefix}. */
    static boolean references(HclExpr e, String... prefix) {
        boolean[] found = {false};
        walk(e, x -> {
            if (x instanceof HclExpr.Ref r && r.startsWith(prefix)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** All resources in the file (top-level {@code resource} blocks with two labels). */
    static List<HclBlock> resources(HclFile f) {
        List<HclBlock> out = new ArrayList<>();
        for (HclBlock b : f.body().blocks()) {
            if (b.type().equals("resource") && b.labels().size() >= 2) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * Resources of {@code linkType} that point at {@code target} (an {@code aws_s3_bucket} block) through
     * {@code attr}: a reference to the target's address or the target's literal {@code bucket} name.
     */
    static List<HclBlock> linked(HclFile f, String linkType, String attr, HclBlock target, String nameAttr) {
        List<HclBlock> out = new ArrayList<>();
        String type = target.label(0);
        String name = target.label(1);
        String literalName = nameAttr == null ? null : attrStr(target, nameAttr);
        for (HclBlock b : f.moduleResources(linkType)) {
            HclExpr v = b.value(attr);
            if (v == null) {
                continue;
            }
            if (references(v, type, name) || literalName != null && literalName.equals(str(v))) {
                out.add(b);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ edits

    /** The leading whitespace of the line holding {@code offset}. */
    static String indentAt(SourceFile file, int offset) {
        LineIndex li = file.lines();
        int line = li.lineOf(offset);
        String t = li.lineText(line);
        int i = 0;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return t.substring(0, i);
    }

    /** The file's indentation unit: the first indented line's leading whitespace, else two spaces. */
    static String indentUnit(SourceFile file) {
        LineIndex li = file.lines();
        for (int l = 0; l < li.lineCount() && l < 400; l++) {
            String t = li.lineText(l);
            if (t.isBlank()) {
                continue;
            }
            if (t.charAt(0) == '\t') {
                return "\t";
            }
            if (t.charAt(0) == ' ') {
                int i = 0;
                while (i < t.length() && t.charAt(i) == ' ') {
                    i++;
                }
                return " ".repeat(Math.min(i, 4));
            }
        }
        return "  ";
    }

    /**
     * An edit adding the line {@code attrText} (e.g. {@code deletion_protection = true}) to {@code block}, with
     * the body's indentation and the file's line ending; after the last attribute, else at the top of the
     * body. Null when the block is not closed.
     */
    static Edit insertAttribute(SourceFile file, HclBlock block, String attrText) {
        if (block.closeBrace() < 0) {
            return null;
        }
        LineIndex li = file.lines();
        String nl = SuppressionEdits.newline(file);
        String text = file.text();
        String blockIndent = indentAt(file, block.range().start());
        int openLine = li.lineOf(block.openBrace());
        int closeLine = li.lineOf(block.closeBrace());
        if (openLine == closeLine) {
            String inner = text.substring(block.openBrace() + 1, block.closeBrace()).strip();
            String indent = blockIndent + indentUnit(file);
            StringBuilder sb = new StringBuilder(nl);
            if (!inner.isEmpty()) {
                sb.append(indent).append(inner).append(nl);
            }
            sb.append(indent).append(attrText).append(nl).append(blockIndent);
            return Edit.replace(new TextRange(block.openBrace() + 1, block.closeBrace()), sb.toString());
        }
        List<HclAttribute> attrs = block.body().attributes();
        String indent = bodyIndent(file, block, blockIndent);
        if (!attrs.isEmpty()) {
            HclAttribute last = attrs.get(attrs.size() - 1);
            int line = li.lineOf(last.range().end());
            if (line == closeLine) {
                // "attr = 1 }": put the new line before the brace
                return Edit.insert(block.closeBrace(), nl + indent + attrText + nl + blockIndent);
            }
            return Edit.insert(li.lineEnd(line), nl + indent + attrText);
        }
        if (!block.body().blocks().isEmpty()) {
            HclBlock first = block.body().blocks().get(0);
            int line = li.lineOf(first.range().start());
            if (line != openLine) {
                return Edit.insert(li.lineStart(line), indent + attrText + nl);
            }
        }
        return Edit.insert(li.lineEnd(openLine), nl + indent + attrText);
    }

    private static String bodyIndent(SourceFile file, HclBlock block, String blockIndent) {
        LineIndex li = file.lines();
        int openLine = li.lineOf(block.openBrace());
        int first = Integer.MAX_VALUE;
        for (HclAttribute a : block.body().attributes()) {
            first = Math.min(first, a.range().start());
        }
        for (HclBlock b : block.body().blocks()) {
            first = Math.min(first, b.range().start());
        }
        if (first != Integer.MAX_VALUE && li.lineOf(first) != openLine) {
            int ls = li.lineStart(li.lineOf(first));
            String before = file.text().substring(ls, first);
            if (before.isBlank()) {
                return before;
            }
        }
        return blockIndent + indentUnit(file);
    }

    /** A fix adding an attribute line; null when no edit is possible (unclosed block). */
    static Fix addAttribute(SourceFile file, HclBlock block, String attrText, boolean safe) {
        Edit e = insertAttribute(file, block, attrText);
        if (e == null) {
            return null;
        }
        String title = "Add " + attrText;
        return safe ? Fix.safe(title, e) : Fix.unsafe(title, e);
    }

    /** A fix replacing an attribute's value text. */
    static Fix setValue(HclAttribute a, String valueText, boolean safe) {
        String title = "Set " + a.name() + " = " + valueText;
        Edit e = Edit.replace(a.value().range(), valueText);
        return safe ? Fix.safe(title, e) : Fix.unsafe(title, e);
    }

    /** Reports with the given fixes, dropping null ones. */
    static void report(RuleContext ctx, TextRange range, String message, Fix... fixes) {
        List<Fix> fs = new ArrayList<>();
        for (Fix f : fixes) {
            if (f != null) {
                fs.add(f);
            }
        }
        ctx.report(range, message, fs, List.of());
    }
}
