package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;
import java.util.List;
import java.util.Set;

/**
 * One simple command of a RUN's shell script, e.g. {@code apt-get install -y curl} in
 * {@code apt-get update && apt-get install -y curl}. {@code words} excludes redirections (kept apart in
 * {@code redirects}, operator and target as one word), and leading shell keywords ({@code if}, {@code then},
 * {@code do}, {@code !}, braces). {@code opAfter} is the operator that ends the command: {@code &&},
 * {@code ||}, {@code ;}, {@code |}, {@code &}, a line break ({@code \n}), a parenthesis, or null at the end.
 */
public final class ShellCommand {
    private static final Set<String> WRAPPERS = Set.of("nice", "nohup", "time", "exec", "command", "stdbuf",
            "ionice", "chronic");
    private static final Set<String> SUDO_VALUE_OPTS = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U",
            "--user", "--group", "--chdir", "--host", "--prompt", "--role", "--type", "--other-user");

    private final List<Word> words;
    private final List<Word> redirects;
    private final String opAfter;
    private final TextRange opRange;
    private final int depth;
    private final int argvStart;
    private final int effectiveStart;
    private final String name;

    ShellCommand(List<Word> words, List<Word> redirects, String opAfter, TextRange opRange, int depth) {
        this.words = List.copyOf(words);
        this.redirects = List.copyOf(redirects);
        this.opAfter = opAfter;
        this.opRange = opRange;
        this.depth = depth;
        int a = 0;
        while (a < this.words.size() && isAssignment(this.words.get(a))) {
            a++;
        }
        this.argvStart = a;
        this.effectiveStart = unwrap(this.words, a);
        this.name = effectiveStart < this.words.size() ? basename(this.words.get(effectiveStart).text()) : "";
    }

    static boolean isAssignment(Word w) {
        String t = w.text();
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        char c0 = t.charAt(0);
        if (!(Character.isLetter(c0) || c0 == '_')) {
            return false;
        }
        for (int i = 1; i < eq; i++) {
            char c = t.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static int unwrap(List<Word> w, int i) {
        while (i < w.size()) {
            String n = basename(w.get(i).text());
            if (n.equals("sudo")) {
                i++;
                while (i < w.size() && w.get(i).isOption()) {
                    boolean takesValue = SUDO_VALUE_OPTS.contains(w.get(i).text());
                    i++;
                    if (takesValue) {
                        i++;
                    }
                }
            } else if (n.equals("env")) {
                i++;
                while (i < w.size() && (w.get(i).isOption() || isAssignment(w.get(i)))) {
                    boolean takesValue = w.get(i).is("-u") || w.get(i).is("--unset");
                    i++;
                    if (takesValue) {
                        i++;
                    }
                }
            } else if (WRAPPERS.contains(n)) {
                i++;
                while (i < w.size() && w.get(i).isOption()) {
                    i++;
                }
            } else {
                break;
            }
        }
        return Math.min(i, w.size());
    }

    static String basename(String s) {
        int slash = s.lastIndexOf('/');
        return slash < 0 ? s : s.substring(slash + 1);
    }

    /** All words, leading {@code NAME=value} assignments included. */
    public List<Word> words() {
        return words;
    }

    /** The leading {@code NAME=value} assignments ({@code DEBIAN_FRONTEND=noninteractive apt-get ...}). */
    public List<Word> assignments() {
        return words.subList(0, argvStart);
    }

    /** The words after the assignments: the command as executed. */
    public List<Word> argv() {
        return words.subList(argvStart, words.size());
    }

    /**
     * The command past wrappers such as {@code sudo -u x}, {@code env A=b}, {@code nice}, {@code time}, so
     * {@code sudo apt-get install} reads as {@code apt-get install}.
     */
    public List<Word> effective() {
        return words.subList(effectiveStart, words.size());
    }

    /** The effective command's name without its directory ({@code /usr/bin/apt-get} gives {@code apt-get}). */
    public String name() {
        return name;
    }

    /** True when {@code w} is one of the leading assignments (identity, not equality). */
    public boolean isLeadingAssignment(Word w) {
        for (int i = 0; i < argvStart; i++) {
            if (words.get(i) == w) {
                return true;
            }
        }
        return false;
    }

    /** The first word of the command as written (after assignments), e.g. {@code sudo}. */
    public Word head() {
        return argvStart < words.size() ? words.get(argvStart) : null;
    }

    public List<Word> redirects() {
        return redirects;
    }

    public String opAfter() {
        return opAfter;
    }

    /** Source range of {@code opAfter}, or null. */
    public TextRange opRange() {
        return opRange;
    }

    /** Subshell nesting depth: 0 at top level, 1 inside {@code ( ... )}. */
    public int depth() {
        return depth;
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** From the first word to the last word or redirection. */
    public TextRange range() {
        TextRange r = null;
        for (Word w : words) {
            r = r == null ? w.range() : r.union(w.range());
        }
        for (Word w : redirects) {
            r = r == null ? w.range() : r.union(w.range());
        }
        return r == null ? (opRange != null ? TextRange.empty(opRange.start()) : TextRange.empty(0)) : r;
    }

    /** True when any effective argument (after the name) equals one of {@code opts}, or starts with "opt=". */
    public boolean hasOption(String... opts) {
        List<Word> e = effective();
        for (int i = 1; i < e.size(); i++) {
            String t = e.get(i).text();
            for (String o : opts) {
                if (t.equals(o) || (o.startsWith("--") && t.startsWith(o + "="))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first effective argument (after the name) equal to one of {@code texts}, or null. */
    public Word find(String... texts) {
        List<Word> e = effective();
        for (int i = 1; i < e.size(); i++) {
            for (String t : texts) {
                if (e.get(i).is(t)) {
                    return e.get(i);
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.text());
        }
        return sb.toString();
    }
}
