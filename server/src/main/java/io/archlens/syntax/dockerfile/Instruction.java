package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One instruction with everything rules need, all with exact source ranges. Its "logical" text is the
 * instruction as Docker reads it: line continuations and the comment lines inside them removed; offsets into
 * it map back to the source through {@link #map()}.
 *
 * <ul>
 *   <li>{@code args}: everything after the keyword; {@code body}: args after the leading {@code --flags}.</li>
 *   <li>{@code command}: the part that is a command (the body for RUN/CMD/ENTRYPOINT/SHELL, the part after
 *       {@code CMD} for HEALTHCHECK); {@link #execArgs()} is non-null when it is a JSON (exec-form) array.</li>
 *   <li>{@link #commands()}: a RUN's shell commands, heredoc scripts included.</li>
 *   <li>{@link #keyValues()}: ARG, ENV and LABEL pairs.</li>
 * </ul>
 */
public final class Instruction {
    /** The instructions Docker knows. */
    public static final List<String> KEYWORDS = List.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV",
            "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK",
            "SHELL");

    final String keyword;
    final TextRange keywordRange;
    final String logical;
    final SourceMap map;
    final char escape;
    final int line;
    TextRange range;
    TextRange fullRange;
    int argsStart;
    int argsEnd;
    List<Flag> flags = List.of();
    int bodyStart;
    int commandStart;
    List<Word> execArgs;
    List<Heredoc> heredocs = List.of();
    List<ShellCommand> commands = List.of();
    List<KeyValue> keyValues = List.of();
    Instruction trigger;
    Stage stage;
    private volatile List<Word> words;

    Instruction(String keyword, TextRange keywordRange, String logical, SourceMap map, char escape, int line) {
        this.keyword = keyword;
        this.keywordRange = keywordRange;
        this.logical = logical;
        this.map = map;
        this.escape = escape;
        this.line = line;
    }

    /** The keyword in upper case ({@code RUN}); unknown keywords are kept as written, upper-cased. */
    public String keyword() {
        return keyword;
    }

    public boolean is(String kw) {
        return keyword.equals(kw);
    }

    public boolean isKnown() {
        return KEYWORDS.contains(keyword);
    }

    public TextRange keywordRange() {
        return keywordRange;
    }

    /** From the keyword to the end of its last line; heredoc bodies excluded. */
    public TextRange range() {
        return range;
    }

    /** Like {@link #range()} but including heredoc bodies and terminators. */
    public TextRange fullRange() {
        return fullRange;
    }

    /** Zero-based line of the keyword. */
    public int line() {
        return line;
    }

    public String logical() {
        return logical;
    }

    public SourceMap map() {
        return map;
    }

    /** The escape character in effect ({@code \} or a backtick). */
    public char escape() {
        return escape;
    }

    /** Source range of the logical range [start, end). */
    public TextRange sourceRange(int start, int end) {
        return map.range(start, end);
    }

    public String args() {
        return logical.substring(argsStart, argsEnd);
    }

    public TextRange argsRange() {
        return map.range(argsStart, argsEnd);
    }

    public List<Flag> flags() {
        return flags;
    }

    /** The flag with this name (without dashes, case-insensitive), or null. */
    public Flag flag(String name) {
        for (Flag f : flags) {
            if (f.is(name)) {
                return f;
            }
        }
        return null;
    }

    public String body() {
        return logical.substring(Math.min(bodyStart, argsEnd), argsEnd);
    }

    public TextRange bodyRange() {
        return map.range(Math.min(bodyStart, argsEnd), argsEnd);
    }

    /** Logical offset where the body starts. */
    public int bodyStart() {
        return bodyStart;
    }

    /** The body's words as Docker splits them (quotes removed, variables kept). */
    public List<Word> words() {
        List<Word> w = words;
        if (w == null) {
            List<Word> out = new ArrayList<>();
            for (Lex.LWord lw : Lex.words(logical, Math.min(bodyStart, argsEnd), argsEnd, escape)) {
                out.add(new Word(lw.text(), map.range(lw.start(), lw.end()), lw.quoted()));
            }
            w = List.copyOf(out);
            words = w;
        }
        return w;
    }

    /** The command text (see class comment). */
    public String command() {
        return logical.substring(Math.min(commandStart, argsEnd), argsEnd);
    }

    public TextRange commandRange() {
        return map.range(Math.min(commandStart, argsEnd), argsEnd);
    }

    /** The exec-form elements (each range covers the quoted JSON string), or null for shell form. */
    public List<Word> execArgs() {
        return execArgs;
    }

    public boolean isExecForm() {
        return execArgs != null;
    }

    /** True when the command is bracketed like an exec-form array but is not valid JSON. */
    public boolean isMalformedExecForm() {
        if (execArgs != null) {
            return false;
        }
        String c = command().strip();
        if (c.startsWith("[[") || c.matches("\\[\\s+!?\\s*-[a-zA-Z]\\s.*\\s]")) {
            return false; // a shell test: [[ -f /ready ]], [ -f /ready ] (meant for /bin/sh, not as JSON)
        }
        return c.length() >= 2 && c.charAt(0) == '[' && c.charAt(c.length() - 1) == ']';
    }

    public List<Heredoc> heredocs() {
        return heredocs;
    }

    /** For RUN: the shell commands, heredoc scripts included; empty for exec form and other keywords. */
    public List<ShellCommand> commands() {
        return commands;
    }

    /** For ARG, ENV and LABEL: the pairs in order. */
    public List<KeyValue> keyValues() {
        return keyValues;
    }

    /** For ONBUILD: the trigger instruction, else null. */
    public Instruction trigger() {
        return trigger;
    }

    /** For HEALTHCHECK: true for {@code HEALTHCHECK NONE}. */
    public boolean isHealthcheckNone() {
        return is("HEALTHCHECK") && body().strip().toUpperCase(Locale.ROOT).equals("NONE");
    }

    @Override
    public String toString() {
        return logical;
    }
}
