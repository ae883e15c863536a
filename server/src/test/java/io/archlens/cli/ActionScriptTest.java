package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's shell step (.github/action/run.sh) run locally with a fake launcher and fake GITHUB_* variables:
 * how inputs become arguments, the outputs it writes and the exit code it passes on. Also the files' wiring.
 */
@DisabledOnOs(OS.WINDOWS)
class ActionScriptTest {
    private static final Path REPO = Path.of(System.getProperty("archlens.repoRoot", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;
    Path launcher;
    Path argsFile;
    Path outputFile;

    @BeforeEach
    void fakeLauncher() throws Exception {
        argsFile = dir.resolve("args");
        outputFile = dir.resolve("github_output");
        launcher = dir.resolve("archlens");
        // one argument per line; exit with FAKE_RC; write a SARIF file when asked to
        Files.writeString(launcher, """
                #!/usr/bin/env bash
                printf '%s\\n' "$@" > "$FAKE_ARGS"
                prev=""
                for a in "$@"; do [ "$prev" = --sarif-output ] && echo '{}' > "$a"; prev="$a"; done
                exit "${FAKE_RC:-0}"
                """);
        assertTrue(launcher.toFile().setExecutable(true));
    }

    private record Run(int code, List<String> args, String output, String err) {
    }

    private Run run(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve(".github/action/run.sh").toString())
                .directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("ARCHLENS_"));
        pb.environment().put("ARCHLENS_LAUNCHER", launcher.toString());
        pb.environment().put("FAKE_ARGS", argsFile.toString());
        pb.environment().put("GITHUB_OUTPUT", outputFile.toString());
        pb.environment().put("RUNNER_TEMP", dir.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes());
        int code = p.waitFor();
        List<String> args = Files.exists(argsFile) ? Files.readAllLines(argsFile) : List.of();
        return new Run(code, args, Files.exists(outputFile) ? Files.readString(outputFile) : "", err);
    }

    @Test
    void defaultsGiveAnnotationsOnTheWholeRepository() throws Exception {
        Run r = run(Map.of());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("check", ".", "--fail-on", "warning", "--format", "github"), r.args());
        assertEquals("exit-code=0\n", r.output());
    }

    @Test
    void inputsBecomeArgumentsAndTheExitCodeIsPassedOn() throws Exception {
        Run r = run(Map.of("ARCHLENS_INPUT_PATH", "deploy  compose.yml", "ARCHLENS_INPUT_FAIL_ON", "error",
                "ARCHLENS_INPUT_FORMAT", "text", "ARCHLENS_INPUT_PROFILE", "strict",
                "ARCHLENS_INPUT_BASELINE", ".archlens-baseline.json", "ARCHLENS_INPUT_CHANGED_SINCE", "v1.2",
                "ARCHLENS_INPUT_SARIF", "true", "FAKE_RC", "1"));
        assertEquals(1, r.code());
        Path sarif = dir.resolve("archlens.sarif");
        assertEquals(List.of("check", "deploy", "compose.yml", "--fail-on", "error", "--format", "text",
                "--profile", "strict", "--baseline", ".archlens-baseline.json", "--changed-since", "v1.2",
                "--sarif-output", sarif.toString()), r.args());
        assertEquals("exit-code=1\nsarif-file=" + sarif + "\n", r.output());
        assertTrue(r.err().contains("findings at or above error"), r.err());
    }

    @Test
    void anInputIsDataNotShell() throws Exception {
        Run r = run(Map.of("ARCHLENS_INPUT_PROFILE", "$(touch pwned); `touch pwned2`"));
        assertTrue(r.args().contains("$(touch pwned); `touch pwned2`"), r.args().toString());
        assertTrue(!Files.exists(dir.resolve("pwned")) && !Files.exists(dir.resolve("pwned2")));
    }

    private void git(String... args) throws Exception {
        BaselineAndChangedTest.git(dir, args);
    }

    @Test
    void changedSinceAutoUsesThePullRequestsBaseBranch() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve("a.txt"), "a\n");
        git("add", "a.txt");
        git("commit", "-q", "-m", "one");
        git("update-ref", "refs/remotes/origin/main", "HEAD");
        Run pr = run(Map.of("ARCHLENS_INPUT_CHANGED_SINCE", "auto", "GITHUB_BASE_REF", "main",
                "GITHUB_EVENT_NAME", "pull_request"));
        assertEquals(0, pr.code(), pr.err());
        assertTrue(String.join(" ", pr.args()).endsWith("--changed-since origin/main"), pr.args().toString());
        Run push = run(Map.of("ARCHLENS_INPUT_CHANGED_SINCE", "auto", "GITHUB_EVENT_NAME", "push"));
        assertTrue(!push.args().contains("--changed-since"), push.args().toString());
        assertTrue(push.err().contains("not a pull request (push)"), push.err());
    }

    @Test
    void actionAndHooksAreWiredToTheScriptAndTheLauncher() throws Exception {
        String action = Files.readString(REPO.resolve("action.yml"));
        assertTrue(action.contains("using: composite"));
        assertTrue(action.contains("$GITHUB_ACTION_PATH/.github/action/run.sh"));
        // actions pinned to a full commit, and no input expanded inside a shell script
        assertTrue(action.lines().filter(l -> l.strip().startsWith("uses:"))
                .allMatch(l -> l.matches(".*@[0-9a-f]{40} # v[0-9.]+")), action);
        String run = action.substring(action.indexOf("run:"), action.indexOf("\n", action.indexOf("run:")));
        assertTrue(!run.contains("${{"), run);
        for (String input : List.of("path", "fail-on", "format", "profile", "baseline", "changed-since", "sarif")) {
            assertTrue(action.contains("\n  " + input + ":\n"), input);
        }
        assertTrue(Files.isExecutable(REPO.resolve(".github/action/run.sh")));
        String hooks = Files.readString(REPO.resolve(".pre-commit-hooks.yaml"));
        assertTrue(hooks.contains("entry: bin/archlens check") && hooks.contains("language: system"), hooks);
        assertTrue(Files.isExecutable(REPO.resolve("bin/archlens")));
    }

    @Test
    void theWorkflowExampleInTheDocsIsCleanUnderArchLensOwnRules() throws Exception {
        String doc = Files.readString(REPO.resolve("docs/ci.md"));
        String yaml = doc.substring(doc.indexOf("```yaml\nname: ArchLens") + "```yaml\n".length());
        yaml = yaml.substring(0, yaml.indexOf("```"));
        Path wf = dir.resolve(".github/workflows/archlens.yml");
        Files.createDirectories(wf.getParent());
        Files.writeString(wf, yaml);
        CliRun r = CliRun.of(new CheckCommand(), dir.toString(), "--concise", "--fail-on", "hint");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("No problems") && r.out().contains("1 github-actions"), r.out());
        assertTrue(CliRun.of(new CheckCommand(), REPO.resolve("action.yml").toString(), "--fail-on", "hint")
                .out().startsWith("No problems"));
    }
}
