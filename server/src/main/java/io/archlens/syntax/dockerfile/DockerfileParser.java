package io.archlens.syntax.dockerfile;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Parser;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tolerant Dockerfile parser following BuildKit's rules: parser directives at the top ({@code syntax},
 * {@code escape}, {@code check}), comment lines, line continuations with the escape character (comment and
 * empty lines inside a continuation are skipped), heredocs for RUN/COPY/ADD, multi-stage {@code FROM ... AS}.
 * It never throws; problems become {@link ParseIssue}s and everything it could read is in the model. Work is
 * linear in the input size.
 */
public final class DockerfileParser implements Parser<Dockerfile> {
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
    private static final int MAX_HEREDOCS = 64;
    private static final int MAX_ISSUES = 20;

    @Override
    public Parsed<Dockerfile> parse(SourceFile file) {
        try {
            return new Run(file).parse();
        } catch (RuntimeException | StackOverflowError e) {
            return new Parsed<>(Dockerfile.empty(), List.of(ParseIssue.notAnalyzed(TextRange.empty(0),
                    "Dockerfile not analysed: the parser failed (" + e.getClass().getSimpleName() + ")")));
        }
    }

    private static final class Run {
        private final String text;
        private final LineIndex li;
        private char escape = '\\';
        private final List<Directive> directives = new ArrayList<>();
        private final List<Comment> comments = new ArrayList<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<ParseIssue> issues = new ArrayList<>();
        private final List<ParseIssue> notInstructions = new ArrayList<>();

        Run(SourceFile file) {
            this.text = file.text();
            this.li = file.lines();
        }

        Parsed<Dockerfile> parse() {
            int n = li.lineCount();
            int line = readDirectives();
            while (line < n) {
                int ls = li.lineStart(line);
                int le = li.lineEnd(line);
                int p = Lex.skipBlanks(text, ls, le);
                if (p >= le) {
                    line++;
                    continue;
                }
                if (text.charAt(p) == '#') {
                    comments.add(new Comment(text.substring(p, le), new TextRange(p, le)));
                    line++;
                    continue;
                }
                line = instruction(line, p);
            }
            return finish();
        }

        /** Reads parser directives; returns the first line that is not one. */
        private int readDirectives() {
            Set<String> seen = new HashSet<>();
            int line = 0;
            while (line < li.lineCount()) {
                int ls = li.lineStart(line);
                int le = li.lineEnd(line);
                int p = Lex.skipBlanks(text, ls, le);
                if (p >= le || text.charAt(p) != '#') {
                    return line;
                }
                int q = p + 1;
                while (q < le && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
                    q++;
                }
                int nameStart = q;
                while (q < le && (Character.isLetterOrDigit(text.charAt(q)) || text.charAt(q) == '_'
                        || text.charAt(q) == '-')) {
                    q++;
                }
                String name = text.substring(nameStart, q).toLowerCase(Locale.ROOT);
                while (q < le && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
                    q++;
                }
                if (name.isEmpty() || q >= le || text.charAt(q) != '=' || !DIRECTIVES.contains(name)) {
                    return line;
                }
                int vs = Lex.skipBlanks(text, q + 1, le);
                int ve = Lex.trimEnd(text, vs, le);
                String value = text.substring(vs, ve);
                TextRange vr = new TextRange(vs, ve);
                if (!seen.add(name)) {
                    issues.add(ParseIssue.syntax(new TextRange(p, le),
                            "Parser directive '" + name + "' is given twice; keep only one"));
                } else if (name.equals("escape")) {
                    if (value.equals("`")) {
                        escape = '`';
                    } else if (!value.equals("\\")) {
                        issues.add(ParseIssue.syntax(vr, "Invalid escape directive '" + value
                                + "': the escape character must be \\ or `"));
                    }
                }
                directives.add(new Directive(name, value, new TextRange(p, le), vr));
                comments.add(new Comment(text.substring(p, le), new TextRange(p, le)));
                line++;
            }
            return line;
        }

        /** Index of the escape character ending the line [ls, le) (trailing blanks allowed), or -1. */
        private int continuation(int ls, int le) {
            int e = le;
            while (e > ls && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
                e--;
            }
            return e > ls && text.charAt(e - 1) == escape ? e - 1 : -1;
        }

        /** Reads the instruction starting at {@code p} on {@code first}; returns the next line to read. */
        private int instruction(int first, int p) {
            int n = li.lineCount();
            SourceMap map = new SourceMap(p);
            StringBuilder logical = null;
            String single = null;
            int cur = first;
            int lastLine = first;
            int start = p;
            while (true) {
                int ls = cur == first ? start : li.lineStart(cur);
                int le = li.lineEnd(cur);
                int esc = continuation(ls, le);
                lastLine = cur;
                if (esc < 0) {
                    if (logical == null) {
                        single = text.substring(ls, le);
                    } else {
                        logical.append(text, ls, le);
                    }
                    map.append(ls, le);
                    cur++;
                    break;
                }
                if (logical == null) {
                    logical = new StringBuilder(Math.max(64, 2 * (le - ls)));
                }
                logical.append(text, ls, esc);
                map.append(ls, esc);
                cur++;
                while (cur < n) {
                    int nls = li.lineStart(cur);
                    int nle = li.lineEnd(cur);
                    int q = Lex.skipBlanks(text, nls, nle);
                    if (q >= nle) {
                        cur++;
                        continue;
                    }
                    if (text.charAt(q) == '#') {
                        comments.add(new Comment(text.substring(q, nle), new TextRange(q, nle)));
                        cur++;
                        continue;
                    }
                    break;
                }
                if (cur >= n) {
                    break;
                }
            }
            String lt = single != null ? single : logical.toString();
            int kwEnd = 0;
            while (kwEnd < lt.length() && !Lex.isBlank(lt.charAt(kwEnd))) {
                kwEnd++;
            }
            String kw = lt.substring(0, kwEnd).toUpperCase(Locale.ROOT);
            Instruction ins = new Instruction(kw, map.range(0, kwEnd), lt, map, escape, first);
            int endOffset = Lex.trimEnd(text, start, li.lineEnd(lastLine));
            ins.range = new TextRange(start, Math.max(start, endOffset));
            ins.fullRange = ins.range;
            fill(ins, kwEnd);
            int next = cur;
            if (HEREDOC_KEYWORDS.contains(kw) && lt.indexOf("<<", ins.bodyStart) >= 0) {
                next = heredocs(ins, cur);
            }
            if (kw.equals("RUN")) {
                ins.commands = runCommands(ins);
            }
            if (!ins.isKnown()) {
                notInstructions.add(ParseIssue.syntax(ins.keywordRange(), "Unknown instruction '"
                        + abbreviate(lt.substring(0, kwEnd)) + "': a Dockerfile line must start with an instruction such as "
                        + "FROM, RUN, COPY or CMD (or # for a comment)"));
            }
            instructions.add(ins);
            return next;
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }

        /** Parses args, flags, the command part, exec form, pairs and ONBUILD triggers. */
        private void fill(Instruction ins, int kwEnd) {
            String lt = ins.logical;
            int argsStart = Lex.skipBlanks(lt, kwEnd, lt.length());
            ins.argsStart = argsStart;
            ins.argsEnd = Lex.trimEnd(lt, argsStart, lt.length());
            int i = argsStart;
            List<Flag> flags = new ArrayList<>();
            if (!ins.is("ONBUILD")) {
                while (i < ins.argsEnd && i + 1 < ins.argsEnd && lt.charAt(i) == '-' && lt.charAt(i + 1) == '-') {
                    int[] end = new int[1];
                    Lex.LWord w = Lex.word(lt, i, ins.argsEnd, ins.escape, end);
                    if (w.text().equals("--")) {
                        i = Lex.skipBlanks(lt, end[0], ins.argsEnd);
                        break;
                    }
                    int eq = Lex.equalsOutsideQuotes(lt, w.start(), w.end(), ins.escape);
                    String name;
                    String value = null;
                    TextRange vr = null;
                    if (eq < 0) {
                        name = w.text().substring(2);
                    } else {
                        name = Lex.unquote(lt, w.start() + 2, eq, ins.escape);
                        value = Lex.unquote(lt, eq + 1, w.end(), ins.escape);
                        vr = ins.map.range(eq + 1, w.end());
                    }
                    flags.add(new Flag(name, value, ins.map.range(w.start(), w.end()), vr));
                    i = Lex.skipBlanks(lt, end[0], ins.argsEnd);
                }
            }
            ins.flags = List.copyOf(flags);
            ins.bodyStart = i;
            ins.commandStart = i;
            switch (ins.keyword) {
                case "HEALTHCHECK" -> {
                    int[] end = new int[1];
                    if (i < ins.argsEnd) {
                        Lex.LWord w = Lex.word(lt, i, ins.argsEnd, ins.escape, end);
                        if (w.text().equalsIgnoreCase("CMD")) {
                            ins.commandStart = Lex.skipBlanks(lt, end[0], ins.argsEnd);
                            ins.execArgs = exec(ins);
                        } else {
                            ins.commandStart = ins.argsEnd;
                        }
                    }
                }
                case "CMD", "ENTRYPOINT", "RUN", "SHELL", "VOLUME", "COPY", "ADD" -> ins.execArgs = exec(ins);
                case "ARG", "ENV", "LABEL" -> ins.keyValues = pairs(ins);
                case "ONBUILD" -> {
                    if (argsStart < ins.argsEnd) {
                        int ke = argsStart;
                        while (ke < ins.argsEnd && !Lex.isBlank(lt.charAt(ke))) {
                            ke++;
                        }
                        String tkw = lt.substring(argsStart, ke).toUpperCase(Locale.ROOT);
                        // the trigger shares the logical text; shift by re-basing offsets
                        Instruction t = new Instruction(tkw, ins.map.range(argsStart, ke), lt, ins.map, ins.escape,
                                ins.line);
                        t.range = ins.map.range(argsStart, ins.argsEnd);
                        t.fullRange = t.range;
                        fillFrom(t, ke);
                        if (tkw.equals("RUN")) {
                            t.commands = runCommands(t);
                        }
                        ins.trigger = t;
                    }
                }
                default -> {
                }
            }
        }

        private void fillFrom(Instruction t, int kwEnd) {
            if (t.is("ONBUILD")) {
                t.argsStart = Lex.skipBlanks(t.logical, kwEnd, t.logical.length());
                t.argsEnd = Lex.trimEnd(t.logical, t.argsStart, t.logical.length());
                t.bodyStart = t.argsStart;
                t.commandStart = t.argsStart;
                return;
            }
            fill(t, kwEnd);
        }

        private static List<Word> exec(Instruction ins) {
            List<Lex.LWord> json = Lex.jsonArray(ins.logical, ins.commandStart, ins.argsEnd);
            if (json == null) {
                return null;
            }
            List<Word> out = new ArrayList<>(json.size());
            for (Lex.LWord w : json) {
                out.add(new Word(w.text(), ins.map.range(w.start(), w.end()), true));
            }
            return List.copyOf(out);
        }

        private List<KeyValue> pairs(Instruction ins) {
            String lt = ins.logical;
            List<Lex.LWord> words = Lex.words(lt, ins.bodyStart, ins.argsEnd, ins.escape);
            List<KeyValue> out = new ArrayList<>();
            if (words.isEmpty()) {
                return out;
            }
            Lex.LWord w0 = words.get(0);
            boolean legacy = !ins.is("ARG") && Lex.equalsOutsideQuotes(lt, w0.start(), w0.end(), ins.escape) < 0;
            if (legacy) {
                TextRange kr = ins.map.range(w0.start(), w0.end());
                if (words.size() == 1) {
                    out.add(new KeyValue(w0.text(), kr, null, null, kr, true));
                } else {
                    int vs = Lex.skipBlanks(lt, w0.end(), ins.argsEnd);
                    String value = Lex.unquote(lt, vs, ins.argsEnd, ins.escape);
                    TextRange vr = ins.map.range(vs, ins.argsEnd);
                    out.add(new KeyValue(w0.text(), kr, value, vr, kr.union(vr), true));
                }
                return List.copyOf(out);
            }
            for (Lex.LWord w : words) {
                int eq = Lex.equalsOutsideQuotes(lt, w.start(), w.end(), ins.escape);
                TextRange whole = ins.map.range(w.start(), w.end());
                if (eq < 0) {
                    out.add(new KeyValue(w.text(), whole, null, null, whole, false));
                } else {
                    String key = Lex.unquote(lt, w.start(), eq, ins.escape);
                    String value = Lex.unquote(lt, eq + 1, w.end(), ins.escape);
                    out.add(new KeyValue(key, ins.map.range(w.start(), eq), value, ins.map.range(eq + 1, w.end()),
                            whole, false));
                }
            }
            return List.copyOf(out);
        }

        /** Reads the heredoc bodies that follow an instruction; returns the next line to read. */
        private int heredocs(Instruction ins, int cur) {
            List<Lex.Marker> markers = Lex.heredocMarkers(ins.logical, ins.bodyStart, ins.argsEnd, ins.escape,
                    MAX_HEREDOCS);
            if (markers.isEmpty()) {
                return cur;
            }
            int n = li.lineCount();
            List<Heredoc> out = new ArrayList<>();
            int lastEnd = ins.range.end();
            for (Lex.Marker m : markers) {
                int bodyStart = cur < n ? li.lineStart(cur) : text.length();
                TextRange terminator = null;
                int bodyEnd = text.length();
                while (cur < n) {
                    int ls = li.lineStart(cur);
                    int le = li.lineEnd(cur);
                    int p = ls;
                    if (m.stripTabs()) {
                        while (p < le && text.charAt(p) == '\t') {
                            p++;
                        }
                    }
                    cur++;
                    if (le - p == m.delimiter().length() && text.startsWith(m.delimiter(), p)) {
                        terminator = new TextRange(ls, le);
                        bodyEnd = ls;
                        break;
                    }
                }
                if (cur >= n && terminator == null) {
                    bodyEnd = text.length();
                }
                TextRange marker = ins.map.range(m.start(), m.end());
                TextRange body = new TextRange(Math.min(bodyStart, bodyEnd), bodyEnd);
                out.add(new Heredoc(m.delimiter(), m.quoted(), m.stripTabs(), marker, body, terminator));
                if (terminator == null) {
                    issues.add(ParseIssue.syntax(marker, "Heredoc <<" + m.delimiter() + " is never closed: add a line "
                            + "containing only " + m.delimiter() + " after its body"));
                    lastEnd = Math.max(lastEnd, text.length());
                } else {
                    lastEnd = Math.max(lastEnd, terminator.end());
                }
            }
            ins.heredocs = List.copyOf(out);
            ins.fullRange = new TextRange(ins.range.start(), Math.max(ins.range.end(), lastEnd));
            return cur;
        }

        private List<ShellCommand> runCommands(Instruction ins) {
            if (ins.execArgs != null) {
                return List.of();
            }
            List<ShellCommand> logical = ShellLexer.lex(ins.logical, ins.commandStart, ins.argsEnd, ins.map, false);
            if (ins.heredocs.isEmpty()) {
                return List.copyOf(logical);
            }
            List<ShellCommand> out = new ArrayList<>();
            SourceMap identity = SourceMap.contiguous(0, text.length());
            for (ShellCommand c : logical) {
                Heredoc script = scriptHeredoc(ins, c);
                if (script == null) {
                    out.add(c);
                    continue;
                }
                if (!c.isEmpty()) {
                    out.add(c);
                }
                out.addAll(ShellLexer.lex(text, script.bodyRange().start(), script.bodyRange().end(), identity, true));
            }
            return List.copyOf(out);
        }

        /** The heredoc that is the script of {@code c} ({@code RUN <<EOF}, {@code RUN bash -e <<EOF}), or null. */
        private Heredoc scriptHeredoc(Instruction ins, ShellCommand c) {
            if (!c.isEmpty()) {
                if (!SHELLS.contains(c.name())) {
                    return null;
                }
                List<Word> e = c.effective();
                for (int k = 1; k < e.size(); k++) {
                    if (!e.get(k).isOption()) {
                        return null;
                    }
                }
            }
            for (Word r : c.redirects()) {
                if (!r.text().startsWith("<<") || r.text().startsWith("<<<")) {
                    continue;
                }
                String delim = r.text().startsWith("<<-") ? r.text().substring(3) : r.text().substring(2);
                for (Heredoc h : ins.heredocs) {
                    if (h.delimiter().equals(delim) && h.markerRange().intersects(r.range())) {
                        return isShellScript(h) ? h : null;
                    }
                }
            }
            return null;
        }

        private boolean isShellScript(Heredoc h) {
            int s = h.bodyRange().start();
            if (!text.startsWith("#!", s)) {
                return true;
            }
            int e = s;
            while (e < h.bodyRange().end() && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
                e++;
            }
            String shebang = text.substring(s + 2, e).trim();
            for (String part : shebang.split("[\\s/]+")) {
                if (SHELLS.contains(part)) {
                    return true;
                }
            }
            return false;
        }

        private Parsed<Dockerfile> finish() {
            List<Instruction> globalArgs = new ArrayList<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            List<Stage> stages = new ArrayList<>();
            Map<String, Stage> byName = new java.util.HashMap<>();
            Stage current = null;
            List<ParseIssue> structural = new ArrayList<>();
            for (Instruction ins : instructions) {
                if (ins.is("FROM")) {
                    current = stage(ins, stages, byName, defaults, structural);
                    ins.stage = current;
                    stages.add(current);
                    if (current.name != null) {
                        byName.put(current.name.toLowerCase(java.util.Locale.ROOT), current); // the last one wins
                    }
                    continue;
                }
                if (current == null) {
                    if (ins.is("ARG")) {
                        globalArgs.add(ins);
                        for (KeyValue kv : ins.keyValues) {
                            // a default may use earlier global ARGs (ARG B=${A}-slim); unresolvable means unknown
                            defaults.put(kv.key(), kv.value() == null ? null : Vars.substitute(kv.value(), defaults));
                        }
                    } else if (ins.isKnown()) {
                        structural.add(ParseIssue.syntax(ins.keywordRange(), ins.keyword()
                                + " before the first FROM: only ARG may come before FROM; add a FROM line above it"));
                    }
                    continue;
                }
                ins.stage = current;
                if (ins.trigger != null) {
                    ins.trigger.stage = current; // an ONBUILD trigger belongs to the stage that declares it
                }
                current.instructions.add(ins);
            }
            List<ParseIssue> out = new ArrayList<>(issues);
            if (stages.isEmpty() && !instructions.isEmpty()) {
                // Not (yet) a Dockerfile, or not text meant as one: one clear diagnostic instead of one per line.
                Instruction firstIns = instructions.get(0);
                String more = notInstructions.isEmpty() ? ""
                        : " (" + notInstructions.size() + (notInstructions.size() == 1 ? " line does" : " lines do")
                        + " not start with an instruction)";
                out.clear();
                out.add(ParseIssue.syntax(firstIns.keywordRange(),
                        "No FROM instruction: a Dockerfile must start its first build stage with FROM" + more));
            } else {
                out.addAll(notInstructions);
                out.addAll(structural);
            }
            if (out.size() > MAX_ISSUES) {
                int dropped = out.size() - MAX_ISSUES + 1;
                List<ParseIssue> capped = new ArrayList<>(out.subList(0, MAX_ISSUES - 1));
                capped.add(ParseIssue.notAnalyzed(TextRange.empty(0), dropped + " more syntax problems not shown"));
                out = capped;
            }
            return new Parsed<>(new Dockerfile(escape, directives, comments, instructions, globalArgs, defaults,
                    stages), out);
        }

        private Stage stage(Instruction from, List<Stage> stages, Map<String, Stage> byName,
                Map<String, String> defaults, List<ParseIssue> structural) {
            List<Word> words = from.words();
            ImageRef image = null;
            String name = null;
            TextRange nameRange = null;
            Stage parent = null;
            if (words.isEmpty()) {
                structural.add(ParseIssue.syntax(from.keywordRange(), "FROM needs an image, e.g. FROM debian:bookworm-slim"));
            } else {
                Word img = words.get(0);
                parent = byName.get(img.text().toLowerCase(java.util.Locale.ROOT));
                boolean rawIsSource = !img.quoted();
                image = ImageRef.parse(img.text(), img.range(), defaults, parent != null, rawIsSource);
                if (words.size() >= 2) {
                    if (words.size() == 3 && words.get(1).text().equalsIgnoreCase("AS")) {
                        name = words.get(2).text();
                        nameRange = words.get(2).range();
                    } else {
                        TextRange extra = words.get(1).range().union(words.get(words.size() - 1).range());
                        structural.add(ParseIssue.syntax(extra, words.size() == 2 && words.get(1).text()
                                .equalsIgnoreCase("AS") ? "FROM ... AS needs a stage name after AS"
                                : "FROM takes an image and an optional 'AS name'; remove the extra words"));
                    }
                }
            }
            Stage st = new Stage(stages.size(), from, image, name, nameRange);
            st.parent = parent;
            return st;
        }
    }
}
