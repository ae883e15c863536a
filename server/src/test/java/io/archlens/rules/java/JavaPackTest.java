package io.archlens.rules.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.StringBuild;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.JavaSourceParser;
import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JavaPackTest {
    @Test
    void packIsRegisteredWithAtLeast30Rules() {
        assertEquals(1, RuleBook.loadDefault().packs(FileKind.JAVA).size());
        List<Rule<JavaFile>> rules = new JavaPack().rules();
        assertTrue(rules.size() >= 30, "rules: " + rules.size());
        Set<String> ids = new HashSet<>();
        for (Rule<JavaFile> r : rules) {
            assertTrue(r.meta().id().startsWith("java/"), r.meta().id());
            assertEquals(FileKind.JAVA, r.meta().kind());
            assertTrue(ids.add(r.meta().id()), "duplicate " + r.meta().id());
        }
    }

    @Test
    void docPagesMatchTheRuleMetadata() throws IOException {
        for (Rule<JavaFile> r : new JavaPack().rules()) {
            String text = io.archlens.testing.RulePages.check(r.meta());
            assertTrue(text.contains("archlens-ignore " + r.meta().id()), r.meta().id());
        }
    }

    @Test
    void rangesAreUtf16OffsetsAfterAstralCharacters() {
        String text = "class A {\n\tString s = \"é😀\"; void m() { new java.util.concurrent.ThreadPoolExecutor(1, 2, 0,"
                + " null, new java.util.concurrent.LinkedBlockingQueue<>()); }\n}\n";
        Analysis a = Fixtures.analyze(SourceFile.of("A.java", text, FileKind.JAVA));
        Finding f = a.findings().stream().filter(x -> x.ruleId().equals("java/unbounded-executor-queue")).findFirst()
                .orElseThrow();
        assertEquals("new java.util.concurrent.LinkedBlockingQueue<>()", text.substring(f.range().start(),
                f.range().end()));
    }

    @Test
    void everyPrefixOfEveryFixtureParsesWithoutThrowing() throws IOException {
        JavaSourceParser parser = new JavaSourceParser();
        try (Stream<Path> files = Files.walk(Fixtures.fixturesDir().resolve("java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p);
                for (int cut = 0; cut < text.length(); cut += 97) {
                    SourceFile f = SourceFile.of("X.java", text.substring(0, cut), FileKind.JAVA);
                    Parsed<JavaFile> parsed = parser.parse(f);
                    assertTrue(parsed.model() != null);
                    Fixtures.analyze(f); // no rule throws (the test helper fails on a logged rule error)
                }
            }
        }
    }

    @Test
    void factsDescribeHowSqlWasBuilt() {
        String text = """
                class Q {
                    org.springframework.jdbc.core.JdbcTemplate jdbc;
                    void a(String name, long id) {
                        String sql = "select * from t where name = '" + name + "'";
                        sql += " and id = " + id;
                        jdbc.update(sql);
                        jdbc.update("delete from t where id = " + id);
                        jdbc.update(String.format("delete from t where name = '%s'", name));
                    }
                }
                """;
        CodeFacts facts = new JavaSourceParser().parse(SourceFile.of("Q.java", text, FileKind.JAVA)).model().facts();
        assertEquals(3, facts.sinks().size());
        assertEquals(StringBuild.How.CONCATENATION, facts.sinks().get(0).built().how());
        assertTrue(facts.sinks().get(0).built().origin().contains("'sql'"), facts.sinks().get(0).built().origin());
        assertFalse(facts.sinks().get(1).built().assembledFromValues(), "a long is not text");
        assertEquals(StringBuild.How.FORMAT, facts.sinks().get(2).built().how());
    }

    @Test
    void factsListRoutesAndConfigReads() {
        String text = """
                @RestController @RequestMapping("/api")
                class C {
                    @Value("${app.limit:10}") int limit;
                    @GetMapping("/items") List<Item> items() { return List.of(System.getenv("REGION")); }
                }
                """;
        CodeFacts facts = new JavaSourceParser().parse(SourceFile.of("C.java", text, FileKind.JAVA)).model().facts();
        assertEquals("/api/items", facts.routes().get(0).path());
        assertEquals("GET", facts.routes().get(0).method());
        assertEquals(2, facts.configReads().size());
    }
}
