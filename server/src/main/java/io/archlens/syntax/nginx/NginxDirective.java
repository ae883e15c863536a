package io.archlens.syntax.nginx;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One directive: a name token, its arguments and, for block directives, the directives inside the braces.
 * The synthetic root (name {@code ""}) holds the file's top-level directives. Ranges are exact UTF-16 offsets.
 * Instances are built by {@link NginxParser} and not changed afterwards.
 */
public final class NginxDirective {
    private final NginxArg nameToken;
    private final String name;
    private final List<NginxArg> args;
    private final NginxDirective parent;
    private final int depth;
    List<NginxDirective> children;
    int openBrace = -1;
    int closeBrace = -1;
    int end;
    boolean terminated;
    TextRange rawBody;
    boolean includeResolved;
    NginxDirective includedBy;
    private Map<String, List<NginxDirective>> index;

    NginxDirective(NginxArg nameToken, List<NginxArg> args, NginxDirective parent) {
        this.nameToken = nameToken;
        this.name = nameToken == null ? "" : nameToken.value();
        this.args = List.copyOf(args);
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.end = nameToken == null ? 0 : (args.isEmpty() ? nameToken.range().end()
                : args.get(args.size() - 1).range().end());
    }

    static NginxDirective root() {
        NginxDirective r = new NginxDirective(null, List.of(), null);
        r.children = new ArrayList<>();
        r.terminated = true;
        return r;
    }

    /**
     * A copy of this directive alone (its children are not copied) appended to {@code newParent}'s children, with
     * every offset moved by {@code shift}: how an effective configuration splices a file into another.
     */
    NginxDirective copyInto(NginxDirective newParent, int shift) {
        NginxDirective c = new NginxDirective(shifted(nameToken, shift), shiftAll(args, shift), newParent);
        if (children != null) {
            c.children = new ArrayList<>();
        }
        c.openBrace = openBrace < 0 ? -1 : openBrace + shift;
        c.closeBrace = closeBrace < 0 ? -1 : closeBrace + shift;
        c.end = end + shift;
        c.terminated = terminated;
        c.rawBody = rawBody == null ? null : rawBody.shift(shift);
        newParent.children.add(c);
        return c;
    }

    private static NginxArg shifted(NginxArg a, int shift) {
        return a == null || shift == 0 ? a : new NginxArg(a.raw(), a.value(), a.range().shift(shift), a.quote());
    }

    private static List<NginxArg> shiftAll(List<NginxArg> args, int shift) {
        if (shift == 0) {
            return args;
        }
        List<NginxArg> out = new ArrayList<>(args.size());
        for (NginxArg a : args) {
            out.add(shifted(a, shift));
        }
        return out;
    }

    /**
     * True for an {@code include} of an effective configuration ({@link NginxContext}) whose files were read:
     * their directives follow it in its block. False for includes that could not be resolved, and for every
     * include of a single file's parse.
     */
    public boolean includeResolved() {
        return includeResolved;
    }

    /**
     * In an effective configuration, the {@code include} that spliced in the file this directive is written in;
     * null for the root file's own directives and in a single file's parse.
     */
    public NginxDirective includedBy() {
        return includedBy;
    }

    /**
     * Where a new sibling next to this directive can be written: the directive itself, or, when it was spliced
     * into this block by an include, that include (outermost first), which is in the block's own file.
     */
    public NginxDirective asWrittenInBlock() {
        NginxDirective d = this;
        while (d.includedBy != null && d.includedBy.parent == d.parent) {
            d = d.includedBy;
        }
        return d;
    }

    /** The directive name as nginx sees it (unquoted), e.g. {@code proxy_pass}; {@code ""} for the root. */
    public String name() {
        return name;
    }

    /** The name token (null for the root). */
    public NginxArg nameToken() {
        return nameToken;
    }

    public TextRange nameRange() {
        return nameToken == null ? TextRange.empty(0) : nameToken.range();
    }

    public boolean is(String n) {
        return name.equals(n);
    }

    public boolean isRoot() {
        return nameToken == null && parent == null;
    }

    public List<NginxArg> args() {
        return args;
    }

    public int argCount() {
        return args.size();
    }

    public NginxArg arg(int i) {
        return i >= 0 && i < args.size() ? args.get(i) : null;
    }

    /** The unquoted value of argument {@code i}, or null. */
    public String argValue(int i) {
        NginxArg a = arg(i);
        return a == null ? null : a.value();
    }

    public String argValueLower(int i) {
        String v = argValue(i);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** The range covering all arguments (empty at the name's end when there are none). */
    public TextRange argsRange() {
        if (args.isEmpty()) {
            return TextRange.empty(nameRange().end());
        }
        return args.get(0).range().union(args.get(args.size() - 1).range());
    }

    public NginxDirective parent() {
        return parent;
    }

    /** Nesting depth: 0 for the root, 1 for top-level directives. */
    public int depth() {
        return depth;
    }

    public boolean isBlock() {
        return children != null;
    }

    /** The directives inside the braces (empty for simple directives and skipped Lua blocks). */
    public List<NginxDirective> children() {
        return children == null ? List.of() : Collections.unmodifiableList(children);
    }

    /** The children with this name, in order (indexed on first use, so repeated lookups are cheap). */
    public List<NginxDirective> children(String childName) {
        if (children == null || children.isEmpty()) {
            return List.of();
        }
        Map<String, List<NginxDirective>> idx = index;
        if (idx == null) {
            idx = new HashMap<>();
            for (NginxDirective c : children) {
                idx.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c);
            }
            index = idx;
        }
        return idx.getOrDefault(childName, List.of());
    }

    public NginxDirective child(String childName) {
        List<NginxDirective> l = children(childName);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    public boolean has(String childName) {
        return !children(childName).isEmpty();
    }

    /** Offset of the opening brace, or -1. */
    public int openBrace() {
        return openBrace;
    }

    /** Offset of the closing brace, or -1 when the block is not a block or was never closed. */
    public int closeBrace() {
        return closeBrace;
    }

    /** True when the directive ended with {@code ;} or its block was closed with {@code }}. */
    public boolean terminated() {
        return terminated;
    }

    /** For {@code *_by_lua_block} directives: the skipped body between the braces; else null. */
    public TextRange rawBody() {
        return rawBody;
    }

    /** From the name's start to just past the {@code ;} or {@code }} (or the last token when unterminated). */
    public TextRange range() {
        int s = nameRange().start();
        return new TextRange(s, Math.max(s, end));
    }

    /** The nearest enclosing directive with this name (not this one), or null. */
    public NginxDirective enclosing(String blockName) {
        for (NginxDirective p = parent; p != null; p = p.parent) {
            if (p.name.equals(blockName) && !p.isRoot()) {
                return p;
            }
        }
        return null;
    }

    /** True when some ancestor (not this one) has the given name. */
    public boolean inside(String blockName) {
        return enclosing(blockName) != null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        for (NginxArg a : args) {
            sb.append(' ').append(a.raw());
        }
        return sb.append(isBlock() ? " {...}" : ";").toString();
    }
}
