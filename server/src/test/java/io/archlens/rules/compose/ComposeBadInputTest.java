package io.archlens.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Odd and hostile Compose input: clear diagnostics, never an exception, always finishes. */
class ComposeBadInputTest {
    private static final String SERVICE = "  svc:\n    image: redis\n    ports:\n      - \"6379:6379\"\n";

    /** These tests count every finding of very large files: no per-file cap. */
    private static final io.archlens.config.Settings UNCAPPED = io.archlens.config.Settings.fromMap(
            java.util.Map.of("max-findings-per-file", 10_000_000));

    private static List<Finding> analyze(String text) {
        return Fixtures.analyze(Fixtures.source("docker-compose.yml", text, FileKind.COMPOSE), UNCAPPED).findings();
    }

    private static long count(List<Finding> fs, String id) {
        return fs.stream().filter(f -> f.ruleId().equals(id)).count();
    }

    @Test
    void invalidYamlIsOneSyntaxErrorAtThePosition() {
        String text = "services:\n  web:\n    image: \"nginx:1.27\n    ports: [\"80:80\"\n";
        List<Finding> fs = analyze(text);
        Finding err = Fixtures.single(fs, "archlens/syntax-error");
        assertTrue(err.message().startsWith("YAML: "));
        for (int cut = 1; cut < text.length(); cut++) {
            analyze(text.substring(0, cut)); // truncated input never throws
        }
    }

    @Test
    void tabIndentationIsExplained() {
        List<Finding> fs = analyze("services:\n  web:\n\timage: nginx\n");
        Finding err = Fixtures.single(fs, "archlens/syntax-error");
        assertTrue(err.message().contains("TAB"), err.message());
        assertEquals("services:\n  web:\n".length(), err.range().start());
    }

    @Test
    void duplicateServiceKeysAreReported() {
        List<Finding> fs = analyze("services:\n  api:\n    image: a:1\n  api:\n    image: a:2\n");
        assertEquals(1, count(fs, "archlens/duplicate-key"));
    }

    @Test
    void aListOfServicesIsNotMistakenForCompose() {
        List<Finding> fs = analyze("services:\n  - postgres:16\n");
        assertEquals(List.of("archlens/not-analyzed"), fs.stream().map(Finding::ruleId).toList());
        fs = analyze("- just\n- a list\n");
        assertEquals(List.of("archlens/not-analyzed"), fs.stream().map(Finding::ruleId).toList());
    }

    @Test
    void aliasBombIsReportedNotExpanded() {
        StringBuilder sb = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append("x-").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        sb.append("services:\n  web:\n    image: nginx:1.27\n    command: *j\n");
        Finding err = Fixtures.single(analyze(sb.toString()), "archlens/syntax-error");
        assertTrue(err.message().contains("alias"), err.message());
    }

    @Test
    void fiftyThousandLines() {
        String hardened = "x-hardened: &h\n  restart: unless-stopped\n  read_only: true\n  cap_drop: [ALL]\n"
                + "  security_opt: [no-new-privileges:true]\n  logging: {options: {max-size: 10m}}\n"
                + "  deploy: {resources: {limits: {memory: 256m, cpus: \"0.5\"}}}\n";
        StringBuilder sb = new StringBuilder(hardened).append("services:\n");
        int n = 0;
        long lines = 9;
        StringBuilder env = new StringBuilder("    environment:\n");
        for (int i = 0; i < 15; i++) {
            env.append("      SETTING_").append(i).append(": value-").append(i).append('\n');
        }
        while (lines < 50_000) { // 20-line services: a big but realistic file (about 2,500 services)
            sb.append(SERVICE.replace("svc", "svc" + n++)).append("    <<: *h\n").append(env);
            lines += 21;
        }
        List<Finding> fs = analyze(sb.toString());
        assertEquals(0, count(fs, "archlens/syntax-error"));
        assertEquals(n, count(fs, "compose/unpinned-image"));
        assertEquals(n, count(fs, "compose/database-port-exposed"));
        assertEquals(n, count(fs, "compose/datastore-without-auth"));
        assertEquals(n, count(fs, "compose/service-without-healthcheck"));
        assertEquals(4L * n, fs.size(), "nothing else: the shared anchor is honoured for every service");
    }

    @Test
    void jsonComposeFilesWork() {
        String json = "{\"services\": {\"db\": {\"image\": \"postgres\", \"ports\": [\"5432:5432\"]}}}";
        List<Finding> fs = analyze(json);
        assertEquals(0, count(fs, "archlens/syntax-error"));
        Finding port = Fixtures.single(fs, "compose/database-port-exposed");
        assertEquals("\"5432:5432\"", json.substring(port.range().start(), port.range().end()));
        ComposeFile model = (ComposeFile) Fixtures.analyze(Fixtures.source("docker-compose.yml", json, FileKind.COMPOSE)).model();
        assertEquals("db", model.services().get(0).name());
    }

    @Test
    void emptyAndCommentOnlyFiles() {
        assertTrue(analyze("").isEmpty());
        assertTrue(analyze("# nothing yet\n").isEmpty());
        assertTrue(analyze("services:\n").isEmpty(), analyze("services:\n").toString());
        assertTrue(analyze("services: {}\n").isEmpty());
        assertTrue(analyze("services:\n  web:\n").isEmpty(), "a service without a body is not a service yet");
    }
}
