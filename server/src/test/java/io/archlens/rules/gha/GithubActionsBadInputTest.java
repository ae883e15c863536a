package io.archlens.rules.gha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Parsed;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.gha.WorkflowParser;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Odd and broken workflows: the model degrades, rules stay quiet or report what they can, nothing throws. */
class GithubActionsBadInputTest {
    private static final String PATH = ".github/workflows/x.yml";

    @Test
    void workflowsAreDetectedByPath() {
        assertEquals(FileKind.GITHUB_ACTIONS, FileKindDetector.detect(".github/workflows/ci.yml", "on: push"));
        assertEquals(FileKind.GITHUB_ACTIONS, FileKindDetector.detect("svc/.github/workflows/deploy.yaml", ""));
    }

    @Test
    void oddShapesDoNotThrowAndProduceNoRuleFindings() {
        String[] odd = {
            "", "[]", "just a string", "on: push\njobs: [a, b]\n", "on: push\njobs:\n  a: 1\n  b:\n    steps: oops\n",
            "on: push\njobs:\n  a:\n    steps:\n      - 1\n      - [x]\n      - uses: 42\n      - run: {a: b}\n",
            "on: {push: null}\njobs:\n  a:\n    runs-on: {labels: self-hosted}\n    steps:\n      - uses: '@'\n",
            "---\n---\non: push\n",
        };
        for (String text : odd) {
            Analysis a = Fixtures.analyze(Fixtures.source(PATH, text, FileKind.GITHUB_ACTIONS));
            assertNotNull(a.findings());
            for (Finding f : a.findings()) {
                assertTrue(f.ruleId().startsWith("archlens/") || f.ruleId().startsWith("gha/missing-"),
                        "unexpected " + f + " for " + text);
            }
        }
    }

    @Test
    void truncatedRealisticWorkflowsNeverThrow() throws Exception {
        for (String name : new String[] {"ci.yml", "deploy.yml"}) {
            String text = Files.readString(Fixtures.fixturesDir().resolve("github-actions/realistic/.github/workflows/" + name));
            for (int i = 0; i <= text.length(); i += 13) {
                Parsed<Workflow> p = WorkflowParser.parse(Fixtures.source(PATH, text.substring(0, i), FileKind.GITHUB_ACTIONS));
                assertNotNull(p.model());
                Fixtures.analyze(Fixtures.source(PATH, text.substring(0, i), FileKind.GITHUB_ACTIONS));
            }
        }
    }

    @Test
    void brokenYamlIsASyntaxErrorAtTheProblem() {
        String text = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n     steps: []\n";
        List<Finding> fs = Fixtures.analyze(Fixtures.source(PATH, text, FileKind.GITHUB_ACTIONS)).findings();
        Finding f = Fixtures.single(fs, "archlens/syntax-error");
        assertEquals(4, Fixtures.source(PATH, text).lines().lineOf(f.range().start()));
    }

    @Test
    void triggersInEveryShape() {
        assertTrue(parse("on: pull_request_target\njobs: {}\n").triggeredBy("pull_request_target"));
        assertTrue(parse("on: [push, workflow_run]\njobs: {}\n").triggeredBy("workflow_run"));
        Workflow w = parse("on:\n  pull_request:\n    branches: [main]\n  push:\njobs: {}\n");
        assertTrue(w.triggeredBy("pull_request") && w.triggeredBy("push"));
        assertFalse(w.triggeredBy("pull_request_target"));
    }

    @Test
    void hugeWorkflowFinishes() {
        StringBuilder sb = new StringBuilder("on: [push, pull_request]\npermissions: {}\njobs:\n");
        for (int j = 0; j < 2000; j++) {
            sb.append("  job").append(j).append(":\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n");
            for (int s = 0; s < 10; s++) {
                sb.append("      - run: echo ${{ github.sha }} ").append(s).append('\n');
            }
        }
        List<Finding> fs = Fixtures.analyze(Fixtures.source(PATH, sb.toString(), FileKind.GITHUB_ACTIONS)).findings();
        assertTrue(fs.isEmpty(), fs.stream().limit(3).toList().toString());
    }

    private static Workflow parse(String text) {
        return WorkflowParser.parse(Fixtures.source(PATH, text, FileKind.GITHUB_ACTIONS)).model();
    }
}
