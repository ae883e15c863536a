package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file as check and graph read it: validation on stderr, exit 2 when invalid, --config, discovery. */
class SettingsFileTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(dir.resolve(".git")); // bounds the search for a settings file to this folder
        write("app/Dockerfile", "FROM node:latest\nUSER node\n");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String app() {
        return dir.resolve("app").toString();
    }

    @Test
    void anInvalidFileStopsCheckWithExit2AndEachProblemAtItsPlace() throws Exception {
        write(".archlens.yml", "rules:\n  docker/no-latest-tag: critical\ncontext:\n  replicas: many\n");
        Run r = run("check", app(), "--format", "json");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out(), "nothing is analysed with a broken settings file");
        assertTrue(r.err().contains(".archlens.yml:2:25: error config/invalid-value 'critical' is not a rule setting"),
                r.err());
        assertTrue(r.err().contains(".archlens.yml:4:13: error config/invalid-value context.replicas must be a whole"
                + " number (0 or more), not 'many'"), r.err());
        assertTrue(r.err().contains("is not valid; fix the errors above"), r.err());
    }

    @Test
    void unparsableYamlExits2() throws Exception {
        write(".archlens.yml", "rules: [docker/no-latest-tag\n");
        Run r = run("check", app());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("error archlens/syntax-error"), r.err());
    }

    @Test
    void unknownRuleIdsAndKeysAreWarningsAndTheCheckGoesOn() throws Exception {
        write(".archlens.yml", "rules:\n  docker/no-latest-tags: off\nignores: [x/]\n");
        Run r = run("check", dir.toString());
        assertEquals(1, r.code(), "the misspelt id turned nothing off: " + r.out());
        assertTrue(r.err().contains(".archlens.yml:2:3: warning config/unknown-rule No rule is called"
                + " 'docker/no-latest-tags'; did you mean 'docker/no-latest-tag'?"), r.err());
        assertTrue(r.err().contains(".archlens.yml:3:1: warning config/unknown-key"), r.err());
        assertTrue(r.out().contains("docker/no-latest-tag"), r.out());
        assertFalse(r.out().contains(".archlens.yml"), "the settings file is reported on stderr only: " + r.out());
    }

    @Test
    void configOptionReplacesTheNearestFileAndAnchorsIgnoreGlobsAtItsFolder() throws Exception {
        write(".archlens.yml", "rules:\n  docker/no-latest-tag: off\n");
        write("ci/strict.yml", "rules:\n  docker/no-latest-tag: error\nignore:\n  - /skipped/\n");
        write("ci/skipped/Dockerfile", "FROM node:latest\nUSER node\n");
        write("ci/kept/skipped/Dockerfile", "FROM node:latest\nUSER node\n");
        Run nearest = run("check", app());
        assertFalse(nearest.out().contains("no-latest-tag"), nearest.out());
        Run strict = run("check", app(), dir.resolve("ci").toString(), "--config",
                dir.resolve("ci/strict.yml").toString());
        assertTrue(strict.out().contains("error docker/no-latest-tag"), strict.out());
        assertTrue(strict.out().contains("kept/skipped/Dockerfile"), "'/skipped/' is anchored at ci/: " + strict.out());
        assertFalse(strict.out().contains("ci/skipped/Dockerfile"), strict.out());
        Run missing = run("check", app(), "--config", dir.resolve("nope.yml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such settings file"), missing.err());
    }

    @Test
    void theNearestFileIsFoundFromASubfolderUpToTheRepositoryRoot() throws Exception {
        write(".archlens.yml", "rules: {}\n");
        write("app/deep/x.env", "A=1\n");
        assertEquals(dir.resolve(".archlens.yml"), SettingsFile.find(dir.resolve("app/deep/.")));
        assertEquals(dir.resolve(".archlens.yml"), SettingsFile.find(dir.resolve("app/deep/x.env")));
        write("app/.archlens.yaml", "rules: {}\n");
        assertEquals(dir.resolve("app/.archlens.yaml"), SettingsFile.find(dir.resolve("app/deep")));
        Files.createDirectories(dir.resolve("app/deep/.git"));
        assertNull(SettingsFile.find(dir.resolve("app/deep")), "a nested repository is its own project");
    }

    @Test
    void graphReadsTheSameSettingsAndSaysWhenThereIsNothingToDraw() throws Exception {
        Run empty = run("graph", app());
        assertEquals(0, empty.code(), empty.err());
        assertTrue(empty.out().startsWith("flowchart LR"), empty.out());
        assertTrue(empty.err().contains("archlens: nothing to draw in " + app()), empty.err());
        write("app/compose.yml", "services:\n  web:\n    image: nginx:1.27\n");
        Run drawn = run("graph", app());
        assertEquals("", drawn.err());
        assertTrue(drawn.out().contains("web"), drawn.out());
        write(".archlens.yml", "ignore: compose.yml\n");
        assertEquals(2, run("graph", app()).code());
        Run ignored = run("graph", app(), "--config", dir.resolve("ci.yml").toString());
        assertEquals(2, ignored.code(), "--config names a missing file");
    }
}
