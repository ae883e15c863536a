package io.archlens.syntax.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.bench.CodeBench;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The editor's next version of a Java file, parsed member by member, must give exactly what a whole-file parse of the
 * same text gives: the same tree, the same token positions, the same findings.
 */
class MemberReparseTest {
    private static final JavaSourceParser PARSER = new JavaSourceParser();
    private static final RuleBook BOOK = RuleBook.loadDefault();
    private static final String[] STATEMENTS = {
        "\n        int z = 1;", "\n        String q = \"select * from t where a = '\" + z + \"'\";",
        "\n        jdbcTemplate.queryForList(\"select 1\");", "\n\n", "\r\n        log.info(\"😀 漢字\");",
        "\n\t\tnew RestTemplate().getForObject(\"http://x/\", String.class);", " // note"};

    @Test
    void editsInsideMembersReuseTheTreeAndMatchAFreshParse() {
        for (String start : List.of(CodeBench.spring(400), CodeBench.spring(300).replace("\n", "\r\n"))) {
            int reused = run(start, 7, 120, false);
            assertTrue(reused > 60, "most edits inside method bodies are parsed member by member: " + reused);
        }
    }

    @Test
    void editsBetweenMembersInNestedTypesAndInterfacesAreParsedAsAWindow() {
        String uri = "file:///test/Window.java";
        String v1 = "package p;\n\nimport java.util.List;\n\npublic class Outer {\n    private int a = 1;\n\n"
                + "    void first() {\n        a++;\n    }\n\n    static class Inner {\n        void f() {\n"
                + "            new java.util.Random().nextInt();\n        }\n    }\n\n    interface Port {\n"
                + "        String name();\n        default int size() { return 1; }\n    }\n}\n";
        JavaFile previous = parse(uri, v1, 1);
        String[] edits = {
            v1.replace("    private int a = 1;\n", "    // a comment between members 😀\n    private int a = 1;\n"),
            v1.replace("    void first() {", "    void added() {\n        System.out.println(\"x\");\n    }\n\n    void first() {"),
            v1.replace("            new java.util.Random().nextInt();", "            new java.util.Random().nextInt(6);"),
            v1.replace("        String name();\n", "        String name();\n        long id();\n"),
            v1.replace("    }\n}\n", "    }\n\n    void last() {\n    }\n}\n"),
            v1 + "\n// a comment after the last type\n",
            v1.replace("public class Outer {", "/** Docs. */\n@Deprecated\nclass Before {\n}\n\npublic class Outer {"),
            v1.replace("public class Outer {", "public class Outer implements Runnable {")};
        boolean[] window = {true, true, true, true, true, false, false, false};
        int version = 2;
        for (int i = 0; i < edits.length; i++) {
            parse(uri, v1, version++); // back to the start, as a new version
            previous = parse(uri, v1, version++);
            Analysis incremental = analyze(uri, edits[i], version++);
            Analysis whole = analyze("file:///test/fresh.java", edits[i], 0);
            JavaFile inc = (JavaFile) incremental.model();
            JavaFile fresh = (JavaFile) whole.model();
            assertEquals(window[i], inc.unit() == previous.unit(), "edit " + i);
            assertEquals(findings(whole), findings(incremental), "edit " + i);
            assertEquals(fresh.unit().toString(), inc.unit().toString(), "edit " + i);
            assertEquals(tokens(fresh), tokens(inc), "edit " + i);
            assertEquals(nodes(fresh), nodes(inc), "edit " + i);
        }
        JavaSourceParser.forgetDocument(uri);
    }

    @Test
    void recordBodiesAreParsedAsAWindowAndCompactSourceFilesWhole() {
        String uri = "file:///test/Records.java";
        String record = "package p;\n\npublic record Point(int x, int y) {\n    public Point {\n        if (x < 0) {\n"
                + "            throw new IllegalArgumentException();\n        }\n    }\n\n    int sum() {\n"
                + "        return x + y;\n    }\n}\n";
        String compact = "import java.util.List;\n\nvoid main() {\n    System.out.println(1);\n}\n\nclass Helper {\n"
                + "    void f() {\n    }\n}\n";
        String[][] cases = {{record, "        return x + y;", "        return x + y + 0;", "true"},
            {record, "            throw new IllegalArgumentException();", "            throw new IllegalStateException();", "true"},
            {compact, "    void f() {\n    }", "    void f() {\n        int a = 1;\n    }", "false"}};
        for (String[] c : cases) {
            JavaFile previous = parse(uri, c[0], 1);
            String edit = c[0].replace(c[1], c[2]);
            Analysis incremental = analyze(uri, edit, 2);
            JavaFile inc = (JavaFile) incremental.model();
            Analysis whole = analyze("file:///test/fresh.java", edit, 0);
            JavaFile fresh = (JavaFile) whole.model();
            assertEquals(Boolean.parseBoolean(c[3]), previous.unit() == inc.unit(), c[2]);
            assertEquals(findings(whole), findings(incremental));
            assertEquals(fresh.unit().toString(), inc.unit().toString());
            assertEquals(tokens(fresh), tokens(inc));
            assertEquals(nodes(fresh), nodes(inc));
            JavaSourceParser.forgetDocument(uri);
        }
    }

    @Test
    void editsBetweenTopLevelTypesAreParsedAsAWindow() {
        String uri = "file:///test/TopLevel.java";
        String v1 = "package p;\n\nclass A {\n    void f() {\n    }\n}\n\n@Deprecated\nclass B {\n}\n";
        JavaFile previous = parse(uri, v1, 1);
        for (String edit : List.of(v1.replace("\n\n@Deprecated", "\n// between\n\n@Deprecated"),
                v1.replace("}\n\n@Deprecated", "}\n\nclass Between {\n    int x;\n}\n\n@Deprecated"))) {
            Analysis incremental = analyze(uri, edit, 2);
            JavaFile inc = (JavaFile) incremental.model();
            JavaFile fresh = (JavaFile) analyze("file:///test/fresh.java", edit, 0).model();
            assertSame(previous.unit(), inc.unit());
            assertEquals(fresh.unit().toString(), inc.unit().toString());
            assertEquals(tokens(fresh), tokens(inc));
            assertEquals(nodes(fresh), nodes(inc));
            previous = parse(uri, v1, 3);
            JavaSourceParser.forgetDocument(uri);
            previous = parse(uri, v1, 1);
        }
        JavaSourceParser.forgetDocument(uri);
    }

    @Test
    void randomEditsAnywhereStillMatchAFreshParse() {
        run(CodeBench.spring(150), 11, 200, true);
    }

    @Test
    void theSameVersionOrAnEditOutsideMembersParsesTheWholeFile() {
        String uri = "file:///test/Same.java";
        String text = CodeBench.spring(120);
        JavaFile v1 = parse(uri, text, 1);
        String edited = text.replaceFirst("class Controller0 \\{", "class Controller0 implements Runnable {");
        JavaFile v2 = parse(uri, edited, 2);
        assertNotSame(v1.unit(), v2.unit(), "a class header edit is not inside a member");
        String inBody = edited.replaceFirst("log.info\\(\"listing orders\"\\);", "log.info(\"listing all orders\");");
        JavaFile preview = parse(uri, inBody, 2); // a fix preview of the same version
        assertNotSame(v2.unit(), preview.unit());
        JavaFile v3 = parse(uri, inBody, 3);
        assertSame(v2.unit(), v3.unit(), "the kept parse of version 2 is still the base of version 3");
        JavaSourceParser.forgetDocument(uri);
        assertNotSame(v3.unit(), parse(uri, inBody.replace("all orders", "orders"), 4).unit());
        JavaSourceParser.forgetDocument(uri);
    }

    @Test
    void aClosedDocumentLeavesNoParseBehindAndDiskFilesAreNotKept() {
        int before = MemberReparse.size();
        parse("file:///test/Disk.java", CodeBench.spring(50), 0);
        assertEquals(before, MemberReparse.size());
        parse("file:///test/Open.java", CodeBench.spring(50), 1);
        assertEquals(before + 1, MemberReparse.size());
        JavaSourceParser.forgetDocument("file:///test/Open.java");
        assertEquals(before, MemberReparse.size());
    }

    /** Applies {@code steps} edits; returns how many versions reused the previous tree. */
    private static int run(String start, long seed, int steps, boolean anywhere) {
        Random rnd = new Random(seed);
        String uri = "file:///test/Shop" + seed + ".java";
        String text = start;
        JavaFile previous = parse(uri, text, 1);
        int reused = 0;
        for (int step = 0; step < steps; step++) {
            text = anywhere ? randomEdit(text, rnd) : bodyEdit(text, rnd);
            if (step % 29 == 28) {
                text = start;
            }
            Analysis incremental = analyze(uri, text, step + 2);
            Analysis whole = analyze("file:///test/fresh.java", text, 0);
            String where = "step " + step;
            assertEquals(findings(whole), findings(incremental), where);
            JavaFile inc = (JavaFile) incremental.model();
            JavaFile fresh = (JavaFile) whole.model();
            if (inc.unit() == previous.unit()) {
                reused++;
            }
            // line breaks aside: a whole-file parse may call a CRLF file mixed when a CR ends JavaParser's read buffer
            assertEquals(fresh.unit().toString().replace("\r\n", "\n"), inc.unit().toString().replace("\r\n", "\n"),
                    where);
            assertEquals(tokens(fresh), tokens(inc), where);
            assertEquals(nodes(fresh), nodes(inc), where);
            previous = inc;
        }
        JavaSourceParser.forgetDocument(uri);
        return reused;
    }

    private static final Pattern STATEMENT_END = Pattern.compile(";(?=\\r?\\n)");

    /** An edit that keeps the file valid: a statement added after another, or a space before a semicolon. */
    private static String bodyEdit(String text, Random rnd) {
        List<Integer> ends = new java.util.ArrayList<>();
        Matcher m = STATEMENT_END.matcher(text);
        while (m.find()) {
            String line = text.substring(text.lastIndexOf('\n', m.start()) + 1, m.end());
            if (line.startsWith("        ") && !line.contains("private ")) {
                ends.add(m.end());
            }
        }
        int at = ends.get(rnd.nextInt(ends.size()));
        if (rnd.nextInt(4) == 0) {
            return text.substring(0, at - 1) + " ;" + text.substring(at);
        }
        return text.substring(0, at) + STATEMENTS[rnd.nextInt(STATEMENTS.length)] + text.substring(at);
    }

    private static String randomEdit(String text, Random rnd) {
        return io.archlens.testing.RandomEdits.apply(text, rnd, new String[] {"x", " ", "\n", "(", ")", "\"", "😀", "{",
            "}", ";", "\n        int a = 2;", "/*", "*/"});
    }

    private static JavaFile parse(String uri, String text, int version) {
        return PARSER.parse(new SourceFile(uri, "src/main/java/shop/Shop.java", text, FileKind.JAVA, version)).model();
    }

    private static String tokens(JavaFile f) {
        StringBuilder sb = new StringBuilder();
        JavaToken t = f.unit().getTokenRange().map(tr -> tr.getBegin()).orElse(null);
        for (; t != null; t = t.getNextToken().orElse(null)) {
            sb.append(t.getKind()).append(' ').append(t.getRange().orElse(null)).append('\n');
        }
        return sb.toString();
    }

    private static String nodes(JavaFile f) {
        StringBuilder sb = new StringBuilder();
        for (Node n : f.all(Node.class)) {
            sb.append(n.getClass().getSimpleName()).append(' ').append(f.range(n)).append('\n');
        }
        return sb.toString();
    }

    private static Analysis analyze(String uri, String text, int version) {
        return BOOK.analyze(new SourceFile(uri, "src/main/java/shop/Shop.java", text, FileKind.JAVA, version),
                Settings.DEFAULTS);
    }

    private static List<String> findings(Analysis a) {
        return a.findings().stream().map(f -> f.ruleId() + " " + f.range() + " " + f.severity() + " " + f.message()
                + " " + f.fixes() + " " + f.related().size()).toList();
    }
}
