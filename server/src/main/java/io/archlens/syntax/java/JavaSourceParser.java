package io.archlens.syntax.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Parser;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Java on JavaParser, tolerant: half-typed code gives the tree JavaParser recovers (statements and members
 * around the error survive) and one syntax issue per problem; nothing throws. A configuration per call:
 * JavaParser instances are not thread-safe.
 */
public final class JavaSourceParser implements Parser<JavaFile> {
    private static final int MAX_ISSUES = 20;
    private static final int MAX_RECOVERY = 3;

    @Override
    public Parsed<JavaFile> parse(SourceFile file) {
        String text = file.text();
        List<ParseIssue> issues = new ArrayList<>();
        if (text.length() > io.archlens.code.CodeModel.MAX_SOURCE_CHARS) {
            issues.add(ParseIssue.notAnalyzed(TextRange.empty(0), "Java file of " + text.length() + " characters is not "
                    + "analysed: above the " + io.archlens.code.CodeModel.MAX_SOURCE_CHARS + " characters ArchLens reads "
                    + "in source code (hand-written code is smaller; generated code is not worth reviewing)"));
            CompilationUnit empty = new CompilationUnit();
            return new Parsed<>(new JavaFile(file, empty, new Offsets(null, text, file.lines())), issues);
        }
        String key = file.version() != 0 ? file.uri() : null;
        MemberReparse.Kept kept = key == null ? null : MemberReparse.take(key);
        boolean later = kept != null && file.version() > kept.version();
        CompilationUnit cu = null;
        if (later) {
            try {
                cu = MemberReparse.reparse(kept, text, file.lines(), configuration());
            } catch (RuntimeException | StackOverflowError e) {
                kept = null; // the kept tree may be half changed: never reuse it
            }
        }
        if (cu != null) {
            MemberReparse.keep(key, new MemberReparse.Kept(file.version(), text, file.lines(), cu));
            return parsed(file, cu, List.of(), issues);
        }
        ParseResult<CompilationUnit> result = null;
        List<Problem> problems = new ArrayList<>();
        try {
            result = parse(text);
            problems.addAll(result.getProblems());
            String source = text;
            String repaired = lexical(result) ? EscapeRepair.repair(text) : null;
            if (repaired != null) { // the first parse's error stays reported; the rest of the file is read
                source = repaired;
                result = parse(repaired);
                problems.addAll(result.getProblems());
            }
            cu = result.getResult().orElse(null);
            cu = recover(source, result, cu, problems);
        } catch (RuntimeException | StackOverflowError e) {
            issues.add(ParseIssue.notAnalyzed(TextRange.empty(0), "Java parser failed: " + e.getClass().getSimpleName()));
        }
        // a clean parse becomes the base of the next version, unless it previews other text for the kept version
        if (cu != null && problems.isEmpty() && key != null && (kept == null || file.version() != kept.version())) {
            MemberReparse.keep(key, new MemberReparse.Kept(file.version(), text, file.lines(), cu));
        } else if (kept != null) {
            MemberReparse.keep(key, kept); // the last clean parse stays the base for the next version
        }
        if (cu == null) {
            cu = new CompilationUnit();
        }
        return parsed(file, cu, problems, issues);
    }

    /** Forgets the kept parse of a document: it was closed in the editor. */
    public static void forgetDocument(String uri) {
        MemberReparse.forget(uri);
    }

    private static Parsed<JavaFile> parsed(SourceFile file, CompilationUnit cu, List<Problem> problems,
            List<ParseIssue> issues) {
        String text = file.text();
        JavaToken any = cu.getTokenRange().map(TokenRange::getBegin).orElse(null);
        Offsets offsets = new Offsets(any, text, file.lines());
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        for (Problem p : problems) {
            if (issues.size() >= MAX_ISSUES) {
                break;
            }
            int lexical = p.getLocation().isPresent() ? -1 : line(p);
            TextRange r = p.getLocation().map(tr -> offsets.range(tr.getBegin()))
                    .orElse(lexical > 0 && lexical <= file.lines().lineCount()
                            ? TextRange.empty(file.lines().lineStart(lexical - 1)) : TextRange.empty(0));
            if (lines.add(file.lines().lineOf(r.start()))) {
                issues.add(ParseIssue.syntax(r, message(p.getMessage())));
            }
        }
        JavaFile jf = new JavaFile(file, cu, offsets);
        try {
            jf.facts(JavaFacts.extract(jf));
        } catch (RuntimeException | StackOverflowError e) {
            issues.add(ParseIssue.notAnalyzed(TextRange.empty(0), "Java facts not extracted: " + e.getClass().getSimpleName()));
        }
        return new Parsed<>(jf, issues);
    }

    private static ParseResult<CompilationUnit> parse(String text) {
        return new JavaParser(configuration()).parse(text);
    }

    private static ParserConfiguration configuration() {
        return new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW) // no validators: half the time
                .setStoreTokens(true)
                .setAttributeComments(false);
    }

    /**
     * JavaParser recovers inside method bodies only: an error among imports or members can lose the whole file.
     * Then the lines it reports are blanked (same length, same line breaks, so offsets hold) and the text parsed
     * again, a few times, keeping the tree that declares the most.
     */
    private static CompilationUnit recover(String text, ParseResult<CompilationUnit> first, CompilationUnit cu,
            List<Problem> problems) {
        ParseResult<CompilationUnit> result = first;
        char[] blanked = text.toCharArray();
        for (int round = 0; round < MAX_RECOVERY && !result.getProblems().isEmpty(); round++) {
            boolean changed = false;
            for (Problem p : result.getProblems()) {
                // lexical errors (no location) are not blanked: re-parsing them kept memory in the robustness run
                int line = p.getLocation().flatMap(tr -> tr.getBegin().getRange()).map(r -> r.begin.line).orElse(-1);
                changed |= line > 0 && blankLine(blanked, line);
            }
            if (!changed) {
                break;
            }
            result = parse(new String(blanked));
            problems.addAll(result.getProblems());
            CompilationUnit next = result.getResult().orElse(null);
            if (next != null && declarations(next) > declarations(cu)) {
                cu = next;
            }
        }
        return cu;
    }

    private static final java.util.regex.Pattern LEXICAL = java.util.regex.Pattern.compile("Lexical error at line (\\d+)");

    /**
     * The 1-based line of a problem: its location, or for a lexical error (an unclosed string, an invalid escape),
     * which JavaParser reports without one, the line its message names; -1 if neither.
     */
    private static int line(Problem p) {
        int line = p.getLocation().flatMap(tr -> tr.getBegin().getRange()).map(r -> r.begin.line).orElse(-1);
        if (line < 0 && p.getMessage() != null) {
            java.util.regex.Matcher m = LEXICAL.matcher(p.getMessage());
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
            }
        }
        return line;
    }

    private static boolean lexical(ParseResult<CompilationUnit> result) {
        for (Problem p : result.getProblems()) {
            if (p.getMessage() != null && p.getMessage().startsWith("Lexical error")) {
                return true;
            }
        }
        return false;
    }

    private static int declarations(CompilationUnit cu) {
        return cu == null ? -1 : cu.findAll(com.github.javaparser.ast.body.BodyDeclaration.class).size();
    }

    private static boolean blankLine(char[] text, int line) {
        int l = 1;
        int i = 0;
        while (i < text.length && l < line) {
            if (text[i] == '\n' || text[i] == '\r' && (i + 1 >= text.length || text[i + 1] != '\n')) {
                l++;
            }
            i++;
        }
        boolean changed = false;
        while (i < text.length && text[i] != '\n' && text[i] != '\r') {
            if (text[i] != ' ') {
                text[i] = ' ';
                changed = true;
            }
            i++;
        }
        return changed;
    }

    /** JavaParser's message without its list of every token that could have come. */
    static String message(String m) {
        if (m == null) {
            return "Java syntax error";
        }
        String first = m.lines().findFirst().orElse(m);
        int expected = first.indexOf(", expected one of");
        if (expected > 0) {
            first = first.substring(0, expected);
        }
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
