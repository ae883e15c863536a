package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baseline files, --changed-since on a scratch git repository, --select/--ignore and SARIF's fingerprints. */
class BaselineAndChangedTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CheckCommandTest.run(args);
    }

    private static List<String> rules(CliRun r) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.out()).path("findings")) {
            out.add(f.path("rule").asText() + "@" + f.path("line").asInt());
        }
        return out;
    }

    @Test
    void baselineSurvivesAnEditThatShiftsLinesAndReportsOnlyNewFindings() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "A=1\nB=x TODO\nC=FIXME\n");
        Path base = dir.resolve("ci/archlens-baseline.json");
        CliRun w = run(dir.toString(), "--write-baseline", base.toString());
        assertEquals(0, w.code(), w.err());
        assertTrue(w.err().contains("wrote 2 findings"), w.err());
        // three lines inserted above: every finding moves, none is new
        Files.writeString(env, "X=1\nY=2\nZ=3\nA=1\nB=x TODO\nC=FIXME\n");
        CliRun same = run(dir.toString(), "--baseline", base.toString(), "--format", "json");
        assertEquals(0, same.code(), same.out());
        assertEquals(List.of(), rules(same));
        // a second TODO on a line of other text is new; the baselined one still is not
        Files.writeString(env, "X=1\nY=2\nZ=3\nA=1\nB=x TODO\nC=FIXME\nD=y TODO\n");
        CliRun added = run(dir.toString(), "--baseline", base.toString(), "--format", "json");
        assertEquals(1, added.code());
        assertEquals(List.of("test/todo@7"), rules(added));
        // a copy of a baselined line is a second finding: one entry absorbs one finding
        Files.writeString(env, "B=x TODO\nB=x TODO\nC=FIXME\n");
        assertEquals(1, rules(run(dir.toString(), "--baseline", base.toString(), "--format", "json")).size());
    }

    @Test
    void sarifCarriesTheBaselineFingerprints() throws Exception {
        Files.writeString(dir.resolve(".env"), "B=x TODO\n");
        JsonNode a = new ObjectMapper().readTree(run(dir.toString(), "--format", "sarif").out());
        Files.writeString(dir.resolve(".env"), "\n\nB=x TODO\n");
        JsonNode b = new ObjectMapper().readTree(run(dir.toString(), "--format", "sarif").out());
        String fa = a.at("/runs/0/results/0/partialFingerprints/archlens~1v2").asText();
        assertTrue(fa.matches("[0-9a-f]{16}"), fa);
        assertEquals(fa, b.at("/runs/0/results/0/partialFingerprints/archlens~1v2").asText());
        run(dir.toString(), "--write-baseline", dir.resolve("b.json").toString());
        assertTrue(Files.readString(dir.resolve("b.json")).contains(fa));
    }

    @Test
    void aBrokenOrMissingBaselineIsAnError() throws Exception {
        Files.writeString(dir.resolve(".env"), "B=x TODO\n");
        CliRun missing = run(dir.toString(), "--baseline", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Files.writeString(dir.resolve("bad.json"), "{\"tool\":\"other\"}");
        CliRun bad = run(dir.toString(), "--baseline", dir.resolve("bad.json").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("not an ArchLens baseline"), bad.err());
    }

    @Test
    void selectAndIgnoreTakeIdsAndPrefixes() throws Exception {
        Files.writeString(dir.resolve(".env"), "B=x TODO\nC=FIXME\n");
        assertEquals(List.of("test/todo@1"), rules(run(dir.toString(), "--format", "json", "--select", "test/todo")));
        assertEquals(2, rules(run(dir.toString(), "--format", "json", "--select", "test")).size());
        assertEquals(List.of("test/fixme@2"), rules(run(dir.toString(), "--format", "json", "--ignore", "test/to")));
        assertEquals(0, run(dir.toString(), "--ignore", "test,other").code());
        assertTrue(RuleSelection.matches("docker/no-latest-tag", "docker/"));
        assertTrue(!RuleSelection.matches("dockerfile/x", "docker"));
    }

    private void git(String... args) throws Exception {
        git(dir, args);
    }

    /** Runs git in {@code dir} with a throwaway identity; fails the test when git does. */
    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void changedSinceKeepsFindingsOnChangedLinesOfAScratchRepository() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve(".env"), "A=TODO\nB=1\nC=FIXME\n");
        Files.createDirectories(dir.resolve("svc"));
        Files.writeString(dir.resolve("svc/.env"), "OLD=TODO\n");
        git("add", "-A");
        git("commit", "-q", "-m", "one");
        // line 2 edited to carry a finding, a line added at the end; svc/.env untouched; a new untracked file
        Files.writeString(dir.resolve(".env"), "A=TODO\nB=TODO\nC=FIXME\nD=FIXME\n");
        Files.createDirectories(dir.resolve("new"));
        Files.writeString(dir.resolve("new/.env"), "N=TODO\n");
        CliRun r = run(dir.toString(), "--format", "json", "--changed-since", "HEAD");
        assertEquals(1, r.code(), r.err());
        List<String> got = rules(r);
        assertEquals(List.of("test/todo@2", "test/fixme@4", "test/todo@1"), got);
        assertTrue(r.out().contains("new/.env") && !r.out().contains("svc/.env\",\n      \"line"), r.out());
        // the same after committing: HEAD~1 is the base
        git("add", "-A");
        git("commit", "-q", "-m", "two");
        assertEquals(got, rules(run(dir.toString(), "--format", "json", "--changed-since", "HEAD~1")));
        assertEquals(List.of(), rules(run(dir.toString(), "--format", "json", "--changed-since", "HEAD")));
        CliRun bad = run(dir.toString(), "--changed-since", "no-such-branch");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown revision 'no-such-branch'"), bad.err());
    }

    @Test
    void changedSinceOutsideGitIsAClearError() throws Exception {
        Path plain = Files.createTempDirectory("archlens-nogit");
        try {
            Files.writeString(plain.resolve(".env"), "A=TODO\n");
            CliRun r = run(plain.toString(), "--changed-since", "HEAD");
            assertEquals(2, r.code());
            assertTrue(r.err().contains("--changed-since") && r.err().contains("not in a git work tree"), r.err());
        } finally {
            Files.deleteIfExists(plain.resolve(".env"));
            Files.deleteIfExists(plain);
        }
    }
}
