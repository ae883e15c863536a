package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.TestPack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command's formats and exit codes, with a small test pack (kind dotenv: test/todo, test/fixme). */
class CheckCommandTest {
    @TempDir
    Path dir;

    /** A check run with the test pack. */
    static CliRun run(String... args) {
        CheckCommand cmd = new CheckCommand();
        cmd.book = new RuleBook(List.of(new TestPack()));
        return CliRun.of(cmd, args);
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void textFormatAndExitCodes() throws Exception {
        write("app/.env", "A=1\nB=x TODO\n");
        write("app/node_modules/.env", "A=TODO\n");
        write("README.md", "TODO\n");
        CliRun r = run(dir.toString());
        assertEquals(1, r.code(), r.err());
        String rel = dir.relativize(dir.resolve("app/.env")).toString();
        assertTrue(r.out().contains("app/.env:2:5: warning test/todo TODO found; write DONE"), r.out());
        assertTrue(r.out().strip().endsWith("1 problem (0 errors, 1 warnings, 0 info, 0 hints) in 1 file (1 dotenv)"), r.out());
        assertTrue(!r.out().contains("node_modules"), "vendored folders are skipped: " + rel);
        assertEquals(0, run(dir.toString(), "--fail-on", "error").code());
    }

    @Test
    void profileOptionOverridesTheSettingsFileForOneRun() throws Exception {
        write("docker-compose.yml", "services:\n  api:\n    image: example/api:1.4.2\n");
        write(".archlens.yml", "profile: recommended\n");
        CliRun normal = CliRun.of(new CheckCommand(), dir.toString(), "--format", "json");
        assertTrue(!normal.out().contains("compose/no-cap-drop"), normal.out());
        CliRun strict = CliRun.of(new CheckCommand(), dir.toString(), "--format", "json", "--profile", "strict");
        assertTrue(strict.out().contains("compose/no-cap-drop"), strict.out());
        CliRun bad = CliRun.of(new CheckCommand(), dir.toString(), "--profile", "paranoid");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown profile 'paranoid'"), bad.err());
    }

    @Test
    void cleanTreeExitsZero() throws Exception {
        write(".env", "A=1\n");
        CliRun r = run(dir.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("No problems"), r.out());
    }

    @Test
    void usageAndIoErrorsExitTwoWithAClearMessage() {
        CliRun missing = run(dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
        CliRun bad = run(dir.toString(), "--fail-on", "loud");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--fail-on"), bad.err());
        CliRun fmt = run(dir.toString(), "--format", "xml");
        assertEquals(2, fmt.code());
    }

    @Test
    void jsonFormat() throws Exception {
        write(".env", "A=TODO FIXME\n");
        CliRun r = run(dir.toString(), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(2, root.get("findings").size());
        JsonNode f = root.get("findings").get(0);
        assertEquals("test/todo", f.get("rule").asText());
        assertEquals(1, f.get("line").asInt());
        assertEquals(3, f.get("column").asInt());
        assertEquals(7, f.get("endColumn").asInt());
        assertEquals("warning", f.get("severity").asText());
        assertEquals("Write DONE", f.get("fixes").get(0).get("title").asText());
        assertEquals(1, root.get("summary").get("files").asInt());
    }

    @Test
    void sarifFormat() throws Exception {
        write("sub/.env", "A=😀TODO\n");
        CliRun r = run(dir.toString(), "--format", "sarif");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode run = root.get("runs").get(0);
        assertEquals("utf16CodeUnits", run.get("columnKind").asText());
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertTrue(rules.size() >= 3);
        JsonNode res = run.get("results").get(0);
        assertEquals("test/todo", res.get("ruleId").asText());
        assertEquals("test/todo", rules.get(res.get("ruleIndex").asInt()).get("id").asText());
        assertEquals("warning", res.get("level").asText());
        JsonNode region = res.get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(5, region.get("startColumn").asInt(), "emoji counts two UTF-16 units");
        assertTrue(res.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText()
                .endsWith("sub/.env"));
    }

    @Test
    void binaryAndInvalidUtf8FilesAreReportedAndTheRestGoesOn() throws Exception {
        Files.write(dir.resolve(".env"), new byte[] {'A', '=', 0, 1, 2, 'T'});
        Files.createDirectories(dir.resolve("b"));
        Files.write(dir.resolve("b/.env"), "A=caf\u00e9 TODO\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = run(dir.toString());
        assertTrue(r.err().contains(".env: skipped: binary file"), r.err());
        assertTrue(r.out().contains("archlens/not-analyzed File not valid UTF-8 (first invalid byte at offset 5)"), r.out());
        assertTrue(r.out().contains("test/todo"), "the rest of the file is still analysed: " + r.out());
        assertEquals(1, r.code());
    }

    @Test
    void projectSettingsFileIsFound() throws Exception {
        write(".archlens.yml", "rules:\n  test/todo: off\nignore: [skip/]\n");
        write("a/.env", "A=TODO FIXME\n");
        write("skip/.env", "A=FIXME\n");
        CliRun r = run(dir.toString());
        assertTrue(!r.out().contains("test/todo") && r.out().contains("a/.env:1:8: info test/fixme"), r.out());
        assertTrue(!r.out().contains("skip/"), r.out());
        assertEquals(0, r.code(), "info is below the default --fail-on warning");
    }
}
