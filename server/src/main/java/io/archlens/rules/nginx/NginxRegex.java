package io.archlens.rules.nginx;

import io.archlens.syntax.nginx.NginxDirective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of PCRE for the rules: the capture groups of a location, {@code if} or {@code rewrite} regex
 * (numbered and named), and whether a piece of pattern can match a given character. Lookarounds and
 * backreferences are treated as matching anything, so answers err towards "can match".
 */
final class NginxRegex {
    /** One capture group: its number (1-based), name (or null) and the pattern text inside its parentheses. */
    record Group(int number, String name, String body) {
    }

    private NginxRegex() {
    }

    /** The regex a block matches against, or null: {@code location ~ re}, {@code location ~* re}, {@code if (... ~ re)}. */
    static String blockRegex(NginxDirective block) {
        if (block.is("location") && block.argCount() >= 2) {
            String op = block.argValue(0);
            return op.equals("~") || op.equals("~*") ? block.argValue(1) : null;
        }
        if (block.is("location") && block.argCount() == 1) {
            String v = block.argValue(0);
            if (v.startsWith("~*")) {
                return v.substring(2);
            }
            return v.startsWith("~") && v.length() > 1 ? v.substring(1) : null;
        }
        if (block.is("if") && block.argCount() >= 3) {
            String op = block.argValue(1);
            if (op.equals("~") || op.equals("~*") || op.equals("!~") || op.equals("!~*")) {
                String re = block.argValue(2);
                if (block.argCount() == 3 && re.endsWith(")") && !block.arg(2).quoted()) {
                    re = re.substring(0, re.length() - 1);
                }
                return re;
            }
        }
        return null;
    }

    /** Offsets of the characters that are regex syntax or literals: not escaped and not in a character class. */
    static int[] plainOffsets(String re) {
        int[] out = new int[re.length()];
        int n = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(re, i);
            } else {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The capture groups of a pattern, in number order. */
    static List<Group> groups(String re) {
        List<Group> out = new ArrayList<>();
        List<int[]> open = new ArrayList<>(); // {index into out or -1, start of body}
        for (int i : plainOffsets(re)) {
            char c = re.charAt(i);
            if (c == '(') {
                String name = null;
                int body = i + 1;
                boolean capture = true;
                if (re.startsWith("?P<", i + 1) || re.startsWith("?<", i + 1) && i + 3 < re.length()
                        && re.charAt(i + 3) != '=' && re.charAt(i + 3) != '!') {
                    int nameStart = re.indexOf('<', i) + 1;
                    int nameEnd = re.indexOf('>', nameStart);
                    if (nameEnd < 0) {
                        return out;
                    }
                    name = re.substring(nameStart, nameEnd);
                    body = nameEnd + 1;
                } else if (re.startsWith("?", i + 1)) {
                    capture = false;
                }
                if (capture) {
                    out.add(new Group(out.size() + 1, name, null));
                }
                open.add(new int[] {capture ? out.size() - 1 : -1, body});
            } else if (c == ')' && !open.isEmpty()) {
                int[] o = open.remove(open.size() - 1);
                if (o[0] >= 0) {
                    Group g = out.get(o[0]);
                    out.set(o[0], new Group(g.number(), g.name(), re.substring(o[1], i)));
                }
            }
        }
        return out;
    }

    /** True when the pattern (a group body) can match the character {@code ch} somewhere. */
    static boolean canMatch(String re, char ch) {
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char e = re.charAt(++i);
                if (escapeMatches(e, ch)) {
                    return true;
                }
            } else if (c == '[') {
                int end = classEnd(re, i);
                if (classMatches(re.substring(i + 1, end), ch)) {
                    return true;
                }
                i = end;
            } else if (c == '.') {
                if (ch != '\n' || re.contains("(?s")) {
                    return true;
                }
            } else if (c == ch) {
                return true;
            }
        }
        return false;
    }

    private static boolean escapeMatches(char e, char ch) {
        boolean space = ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ';
        return switch (e) {
            case 'n' -> ch == '\n';
            case 'r' -> ch == '\r';
            case 's', 'v', 'R' -> space;
            case 'S' -> !space;
            case 'W', 'D', 'N', 'H', 'X', 'C' -> !Character.isLetterOrDigit(ch) || e == 'N' && ch != '\n';
            case 'w' -> Character.isLetterOrDigit(ch) || ch == '_';
            case 'd' -> Character.isDigit(ch);
            default -> e == ch;
        };
    }

    private static int classEnd(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        while (i < re.length() && re.charAt(i) != ']') {
            i += re.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, re.length());
    }

    private static boolean classMatches(String body, char ch) {
        boolean negated = body.startsWith("^");
        String b = negated ? body.substring(1) : body;
        boolean listed = false;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '\\' && i + 1 < b.length()) {
                listed |= escapeMatches(b.charAt(++i), ch);
            } else if (i + 2 < b.length() && b.charAt(i + 1) == '-') {
                listed |= ch >= c && ch <= b.charAt(i + 2);
                i += 2;
            } else {
                listed |= c == ch;
            }
        }
        return negated != listed;
    }

    /** The regex capture that provides {@code $name} at {@code d}: from the nearest enclosing regex block. */
    static Group capture(NginxDirective d, String name) {
        boolean numbered = !name.isEmpty() && name.chars().allMatch(Character::isDigit);
        for (NginxDirective b = d.parent(); b != null; b = b.parent()) {
            String re = blockRegex(b);
            if (re == null) {
                continue;
            }
            for (Group g : groups(re)) {
                if (numbered ? g.number() == Integer.parseInt(name) : name.equals(g.name())) {
                    return g;
                }
            }
            if (numbered) {
                return null; // the nearest regex sets $1..$9
            }
        }
        return null;
    }

}
