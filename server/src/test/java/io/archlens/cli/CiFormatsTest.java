package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.TestPack;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** github, gitlab and junit output checked against each format's rules. */
class CiFormatsTest {
    @TempDir
    Path dir;

    /** A folder whose name needs escaping in every format: comma, colon, percent, ampersand, angle brackets. */
    private static final String ODD = "a,b:c%d&<e>";

    private CliRun run(String format) throws Exception {
        Files.createDirectories(dir.resolve(ODD));
        Files.writeString(dir.resolve(ODD + "/.env"), "A=TODO\nB=FIXME\n");
        Files.writeString(dir.resolve(".env"), "A=1\n");
        CheckCommand cmd = new CheckCommand();
        cmd.book = new RuleBook(List.of(new TestPack()));
        return CliRun.of(cmd, dir.toString(), "--format", format);
    }

    /** The file as reports name it: relative to the current folder when inside it, else absolute. */
    private String odd() {
        return io.archlens.workspace.Paths2.displayPath(dir.resolve(ODD + "/.env").toUri().toString(),
                Path.of("").toAbsolutePath());
    }

    @Test
    void githubWorkflowCommandsEscapePropertiesAndData() throws Exception {
        CliRun r = run("github");
        assertEquals(1, r.code());
        // GitHub's format: ::level key=value,key=value::data; a value may hold neither ',' nor '::' nor newline
        Pattern cmd = Pattern.compile("::(error|warning|notice) ([a-zA-Z]+=[^,:\\r\\n]*(?:,[a-zA-Z]+=[^,:\\r\\n]*)*)"
                + "::([^\\r\\n]*)");
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        Set<String> levels = new HashSet<>();
        for (String line : lines) {
            Matcher m = cmd.matcher(line);
            assertTrue(m.matches(), line);
            levels.add(m.group(1));
            String props = m.group(2);
            String file = props.replaceAll(".*\\bfile=([^,]*).*", "$1");
            assertEquals(CiReports.property(odd()), file);
            assertTrue(file.contains("%2C") && file.contains("%3A") && file.contains("%25"), file);
            assertTrue(props.contains(",line=") && props.contains(",col=") && props.contains(",endLine=")
                    && props.contains(",title=ArchLens test/"), props);
        }
        assertEquals(Set.of("warning", "notice"), levels);
        assertEquals("100%25 done%0Anext%0D", CiReports.data("100% done\nnext\r"));
        assertEquals("a%3Ab%2Cc%25", CiReports.property("a:b,c%"));
    }

    @Test
    void gitlabCodeQualityHasTheRequiredFields() throws Exception {
        CliRun r = run("gitlab");
        JsonNode issues = new ObjectMapper().readTree(r.out());
        assertTrue(issues.isArray());
        assertEquals(2, issues.size());
        Set<String> prints = new HashSet<>();
        for (JsonNode i : issues) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(i.path(field).isTextual() && !i.path(field).asText().isEmpty(), field + " in " + i);
            }
            assertTrue(Set.of("info", "minor", "major", "critical", "blocker").contains(i.path("severity").asText()));
            assertEquals(odd(), i.at("/location/path").asText());
            assertTrue(i.at("/location/lines/begin").isInt() && i.at("/location/lines/begin").asInt() >= 1, i.toString());
            prints.add(i.path("fingerprint").asText());
        }
        assertEquals(2, prints.size(), "fingerprints are unique per issue");
    }

    @Test
    void junitIsWellFormedWithOneTestCasePerFile() throws Exception {
        CliRun r = run("junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        assertEquals("2", suite.getAttribute("tests"));
        // --fail-on warning (the default): the FIXME (info) is listed nowhere, the TODO fails its file
        assertEquals("1", suite.getAttribute("failures"));
        int failing = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertTrue(!c.getAttribute("name").isEmpty() && !c.getAttribute("classname").isEmpty());
            NodeList f = c.getElementsByTagName("failure");
            if (f.getLength() > 0) {
                failing++;
                assertEquals(odd(), c.getAttribute("name"));
                Element failure = (Element) f.item(0);
                assertEquals("warning", failure.getAttribute("type"));
                assertTrue(failure.getTextContent().contains("test/todo") && !failure.getTextContent().contains("FIXME"));
            }
        }
        assertEquals(1, failing);
        assertEquals("a\uFFFDb\tc", CiReports.xml("a\u0001b\tc"));
    }
}
