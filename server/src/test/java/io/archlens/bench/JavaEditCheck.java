package io.archlens.bench;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.JavaSourceParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java incremental parse against whole-file parses on real code. For every {@code .java} file under a folder, 12
 * edits: statements or members added at statement ends (kept when the file still parses), and every third a random
 * insertion that is not kept. Each version is analysed as an editor document (parsed window by window where
 * possible) and as a file on disk (whole-file parse); prints how many valid edits took the window path and every
 * difference in findings, token positions, node ranges or printed tree. Not a JUnit test; from the repository root:
 * <pre>java -cp server/target/classes:server/target/test-classes:$(cat server/target/cp.txt) \
 *     io.archlens.bench.JavaEditCheck &lt;folder&gt;</pre>
 */
public final class JavaEditCheck {
    private static final RuleBook BOOK = RuleBook.loadDefault();
    private static final Pattern STATEMENT_END = Pattern.compile(";(?=\\r?\\n)");
    private static final String[] VALID = {"\n        int zz = 1;", "\n        // note", "\n", " ",
        "\n    void added() {\n    }\n"};
    private static final String[] ANY = {"x", "}", "{", "\"", "/*", "\n", " ("};

    private JavaEditCheck() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Random rnd = new Random(5);
        int versions = 0;
        int valid = 0;
        int windowed = 0;
        int differences = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            if (text.length() > 200_000) {
                continue;
            }
            String uri = f.toUri().toString();
            Analysis first = analyze(uri, text, 1);
            JavaFile base = (JavaFile) first.model();
            boolean baseClean = clean(first);
            for (int step = 0; step < 12; step++) {
                boolean random = step % 3 == 2;
                String now = random ? randomEdit(text, rnd) : validEdit(text, rnd);
                Analysis inc = analyze(uri, now, step + 2);
                Analysis whole = analyze("file:///fresh/X.java", now, 0);
                versions++;
                String why = difference(inc, whole);
                if (why != null && differences++ < 10) {
                    System.out.println("DIFFERENT " + why + ": " + f + " step " + step);
                }
                if (!random && clean(whole)) {
                    if (baseClean) {
                        valid++;
                        windowed += ((JavaFile) inc.model()).unit() == base.unit() ? 1 : 0;
                    }
                    base = (JavaFile) inc.model();
                    baseClean = true;
                    text = now;
                }
            }
            JavaSourceParser.forgetDocument(uri);
        }
        System.out.printf("%d files, %d versions, %d differences; %d valid edits after a valid version, %d of them "
                + "parsed as a window (%.1f%%)%n", files.size(), versions, differences, valid, windowed,
                valid == 0 ? 0 : 100.0 * windowed / valid);
    }

    private static String validEdit(String text, Random rnd) {
        List<Integer> ends = new ArrayList<>();
        Matcher m = STATEMENT_END.matcher(text);
        while (m.find()) {
            String line = text.substring(text.lastIndexOf('\n', m.start()) + 1, m.end()).strip();
            if (!line.startsWith("import ") && !line.startsWith("package ")) {
                ends.add(m.end());
            }
        }
        if (ends.isEmpty()) {
            return text + "\n";
        }
        int at = ends.get(rnd.nextInt(ends.size()));
        return text.substring(0, at) + VALID[rnd.nextInt(VALID.length)] + text.substring(at);
    }

    private static String randomEdit(String text, Random rnd) {
        int at = rnd.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        return text.substring(0, at) + ANY[rnd.nextInt(ANY.length)] + text.substring(at);
    }

    private static String difference(Analysis inc, Analysis whole) {
        JavaFile a = (JavaFile) inc.model();
        JavaFile b = (JavaFile) whole.model();
        if (!findings(inc).equals(findings(whole))) {
            return "findings";
        }
        if (!tokens(a).equals(tokens(b))) {
            return "token positions";
        }
        if (!nodes(a).equals(nodes(b))) {
            return "node ranges";
        }
        // line breaks aside: a whole-file parse may call a CRLF file mixed when a CR ends JavaParser's read buffer
        if (!a.unit().toString().replace("\r\n", "\n").equals(b.unit().toString().replace("\r\n", "\n"))) {
            return "printed tree";
        }
        return null;
    }

    private static boolean clean(Analysis a) {
        return a.findings().stream().noneMatch(f -> f.ruleId().equals("archlens/syntax-error"));
    }

    private static Analysis analyze(String uri, String text, int version) {
        return BOOK.analyze(new SourceFile(uri, "src/main/java/X.java", text, FileKind.JAVA, version),
                Settings.DEFAULTS);
    }

    private static List<String> findings(Analysis a) {
        return a.findings().stream().map(f -> f.ruleId() + " " + f.range() + " " + f.message()).toList();
    }

    private static String tokens(JavaFile f) {
        StringBuilder sb = new StringBuilder();
        JavaToken t = f.unit().getTokenRange().map(tr -> tr.getBegin()).orElse(null);
        for (; t != null; t = t.getNextToken().orElse(null)) {
            sb.append(t.getKind()).append(t.getRange().orElse(null)).append('\n');
        }
        return sb.toString();
    }

    private static String nodes(JavaFile f) {
        StringBuilder sb = new StringBuilder();
        for (Node n : f.all(Node.class)) {
            sb.append(n.getClass().getSimpleName()).append(f.range(n)).append('\n');
        }
        return sb.toString();
    }
}
