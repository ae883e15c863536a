package io.archlens.rules.gha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Before/after for the workflow quick fixes; every result is re-parsed and its structure checked. */
class GithubActionsFixTest {
    private static final String PATH = ".github/workflows/ci.yml";

    private static SourceFile src(String text) {
        return Fixtures.source(PATH, text, FileKind.GITHUB_ACTIONS);
    }

    private static YMap reparse(String text) {
        Parsed<YamlFile> p = YamlParser.parse(Fixtures.source(PATH, text, FileKind.GITHUB_ACTIONS));
        assertTrue(p.issues().isEmpty(), "fixed workflow must be valid YAML: " + p.issues() + "\n" + text);
        return (YMap) p.model().documents().get(0).root();
    }

    private static YMap step(YMap root, String job, int i) {
        return (YMap) ((YSeq) root.at("jobs", job, "steps")).items().get(i);
    }

    private static String fix(String before, String ruleId) {
        return Fixtures.applyFix(src(before), ruleId, null);
    }

    @Test
    void injectionInAPlainRunMovesToEnv() {
        String before = """
                on: issues
                permissions: {}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - run: echo ${{ github.event.issue.title }}
                """;
        String after = fix(before, "gha/script-injection");
        assertEquals("""
                on: issues
                permissions: {}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - run: echo "$ISSUE_TITLE"
                        env:
                          ISSUE_TITLE: ${{ github.event.issue.title }}
                """, after);
        YMap s = step(reparse(after), "triage", 0);
        assertEquals("${{ github.event.issue.title }}", s.at("env", "ISSUE_TITLE").text());
        assertEquals("echo \"$ISSUE_TITLE\"", s.getText("run"));
        assertTrue(Fixtures.analyze(src(after)).findings().stream().noneMatch(f -> f.ruleId().equals("gha/script-injection")));
    }

    @Test
    void injectionInABlockScriptRespectsShellQuotesAndExistingEnv() {
        String before = """
                on: pull_request
                permissions: {}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - name: build
                        env:
                          CI: "true"
                        run: |
                          echo "branch ${{ github.head_ref }}"
                          echo 'title ${{ github.event.pull_request.title }}'
                          ./build.sh ${{ github.head_ref }}
                """;
        String after = fix(before, "gha/script-injection");
        assertEquals("""
                on: pull_request
                permissions: {}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - name: build
                        env:
                          CI: "true"
                          HEAD_REF: ${{ github.head_ref }}
                          PR_TITLE: ${{ github.event.pull_request.title }}
                        run: |
                          echo "branch ${HEAD_REF}"
                          echo 'title '"$PR_TITLE"''
                          ./build.sh "$HEAD_REF"
                """, after);
        YMap s = step(reparse(after), "build", 0);
        assertEquals(3, ((YMap) s.get("env")).entries().size());
        assertFalse(s.getText("run").contains("${{"));
    }

    @Test
    void injectionOnWindowsUsesPowerShellEnvSyntax() {
        String before = """
                on: issue_comment
                permissions: {}
                jobs:
                  w:
                    runs-on: windows-latest
                    timeout-minutes: 5
                    steps:
                      - run: Write-Output "${{ github.event.comment.body }}"
                """;
        String after = fix(before, "gha/script-injection");
        assertTrue(after.contains("- run: Write-Output \"$env:COMMENT_BODY\"\n"), after);
        assertEquals("${{ github.event.comment.body }}", step(reparse(after), "w", 0).at("env", "COMMENT_BODY").text());
    }

    @Test
    void injectionFixIsUnsafeWithAHeredocAndAbsentForQuotedYaml() {
        String heredoc = """
                on: issues
                permissions: {}
                jobs:
                  t:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - run: |
                          cat <<EOF > note.md
                          ${{ github.event.issue.body }}
                          EOF
                """;
        Finding f = Fixtures.single(Fixtures.analyze(src(heredoc)).findings(), "gha/script-injection");
        assertFalse(f.fixes().get(0).safe());
        reparse(fix(heredoc, "gha/script-injection"));

        String quoted = heredoc.replace("""
                      - run: |
                          cat <<EOF > note.md
                          ${{ github.event.issue.body }}
                          EOF
                """, "      - run: \"echo ${{ github.event.issue.body }}\"\n");
        Finding q = Fixtures.single(Fixtures.analyze(src(quoted)).findings(), "gha/script-injection");
        assertTrue(q.fixes().isEmpty(), "a YAML-quoted script is not rewritten");
    }

    @Test
    void persistCredentialsIsAddedUnderWith() {
        String before = """
                on: push
                permissions:
                  contents: read
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                        with:
                          fetch-depth: 0
                      - run: make
                """;
        String once = fix(before, "gha/checkout-persist-credentials");
        assertEquals(before.replace("# v4.2.2\n      - uses", "# v4.2.2\n        with:\n          persist-credentials: false\n      - uses"),
                once);
        String all = Fixtures.fixAll(src(before));
        YMap root = reparse(all);
        assertEquals("false", step(root, "b", 0).at("with", "persist-credentials").text());
        assertEquals("false", step(root, "b", 1).at("with", "persist-credentials").text());
        assertEquals("0", step(root, "b", 1).at("with", "fetch-depth").text());
    }

    @Test
    void persistCredentialsFixIsUnsafeWhenALaterStepPushes() {
        String before = """
                on: push
                permissions:
                  contents: write
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                      - run: git tag v1 && git push --tags
                """;
        Finding f = Fixtures.single(Fixtures.analyze(src(before)).findings(), "gha/checkout-persist-credentials");
        assertFalse(f.fixes().get(0).safe());
    }

    @Test
    void permissionsAreInsertedAfterTheTriggers() {
        String before = """
                name: CI
                on:
                  push:
                    branches: [main]
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - run: make
                """;
        String after = fix(before, "gha/missing-permissions");
        assertEquals(before.replace("    branches: [main]\n", "    branches: [main]\npermissions:\n  contents: read\n"), after);
        assertEquals("read", reparse(after).at("permissions", "contents").text());
    }

    @Test
    void timeoutGoesAfterRunsOnAndKeepsCrlf() {
        String before = "on: push\r\npermissions: {}\r\njobs:\r\n  b:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: make\r\n";
        String after = fix(before, "gha/missing-timeout");
        assertEquals("on: push\r\npermissions: {}\r\njobs:\r\n  b:\r\n    runs-on: ubuntu-latest\r\n    timeout-minutes: 30\r\n"
                + "    steps:\r\n      - run: make\r\n", after);
        assertEquals("30", reparse(after).at("jobs", "b", "timeout-minutes").text());
    }

    @Test
    void concurrencyGroupUsesTheEnvironment() {
        String before = """
                on: push
                permissions: {}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    environment: production
                    steps:
                      - run: ./deploy.sh
                """;
        String after = fix(before, "gha/deploy-without-concurrency");
        YNode c = reparse(after).at("jobs", "deploy", "concurrency");
        assertNotNull(c);
        assertEquals("deploy-production", c.at("group").text());
        assertEquals("false", c.at("cancel-in-progress").text());
        assertTrue(after.endsWith("      - run: ./deploy.sh\n    concurrency:\n      group: deploy-production\n"
                + "      cancel-in-progress: false\n"), after);
    }

    @Test
    void continueOnErrorIsRemoved() {
        String before = """
                on: push
                permissions: {}
                jobs:
                  t:
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - run: ./gradlew test
                        continue-on-error: true
                      - run: echo done
                """;
        String after = fix(before, "gha/continue-on-error-tests");
        assertEquals(before.replace("        continue-on-error: true\n", ""), after);
        assertEquals(2, ((YSeq) reparse(after).at("jobs", "t", "steps")).size());
    }

    @Test
    void fixAllOnTheRealisticCiWorkflowStaysValid() throws Exception {
        var p = Fixtures.fixturesDir().resolve("github-actions/realistic/.github/workflows/ci.yml");
        SourceFile f = Fixtures.load(p);
        String fixed = Fixtures.fixAll(f);
        reparse(fixed);
        List<Finding> after = Fixtures.analyze(new SourceFile(f.uri(), f.path(), fixed, f.kind(), 2)).findings();
        assertTrue(after.stream().noneMatch(x -> x.ruleId().equals("gha/script-injection")), after.toString());
        assertTrue(after.stream().noneMatch(x -> x.ruleId().equals("gha/checkout-persist-credentials")));
    }
}
