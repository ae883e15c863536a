package io.archlens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.agent.provider.CancelToken;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.secrets.SecretFinder;
import io.archlens.secrets.SecretSpan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The planted-secret corpus ({@code src/test/resources/secret-corpus}, listed in {@code planted.tsv}): fake but
 * realistically shaped secrets of every documented type in every file kind. Each one must be found by the
 * detector, and none may appear in the request body the agent sends (the real path: SendPolicy, Redactor,
 * PromptBuilder, provider, against a MockWebServer), raw or JSON-escaped.
 */
class PlantedSecretCorpusTest {
    record Planted(String name, String file, String value) {
    }

    @StartStop
    final MockWebServer server = new MockWebServer();
    final List<AgentService> services = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(AgentService::close);
    }

    static Path corpus() throws Exception {
        return Path.of(PlantedSecretCorpusTest.class.getResource("/secret-corpus/planted.tsv").toURI()).getParent();
    }

    static List<Planted> planted() throws Exception {
        List<Planted> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("planted.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            out.add(new Planted(f[0], f[1], f[2]));
        }
        return out;
    }

    static Map<String, SourceFile> files() throws Exception {
        Path root = corpus();
        Map<String, SourceFile> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.equals("planted.tsv")) {
                    continue;
                }
                String text = Files.readString(p, StandardCharsets.UTF_8);
                out.put(rel, new SourceFile("file:///w/" + rel, rel, text, FileKindDetector.detect(rel, text), 1));
            }
        }
        return out;
    }

    @Test
    void theCorpusCoversEveryKindAndEachPlantedValueIsInItsFile() throws Exception {
        Map<String, SourceFile> files = files();
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        for (SourceFile f : files.values()) {
            assertNotEquals(FileKind.UNKNOWN, f.kind(), f.path());
            kinds.add(f.kind());
        }
        assertEquals(EnumSet.of(FileKind.DOCKERFILE, FileKind.COMPOSE, FileKind.KUBERNETES, FileKind.NGINX,
                FileKind.SPRING_PROPERTIES, FileKind.SPRING_YAML, FileKind.DOTENV, FileKind.SQL, FileKind.OPENAPI,
                FileKind.GITHUB_ACTIONS, FileKind.TERRAFORM), kinds);
        List<Planted> planted = planted();
        assertTrue(planted.size() >= 60, "planted: " + planted.size());
        for (Planted p : planted) {
            assertTrue(files.get(p.file()).text().contains(p.value()), p.name() + " is not in " + p.file());
        }
    }

    @Test
    void theDetectorFindsEveryPlantedSecret() throws Exception {
        Map<String, SourceFile> files = files();
        List<String> missed = new ArrayList<>();
        for (Planted p : planted()) {
            SourceFile f = files.get(p.file());
            int at = f.text().indexOf(p.value());
            int end = at + p.value().length();
            boolean covered = false;
            for (SecretSpan s : SecretFinder.find(f)) {
                covered |= s.start() <= at && end <= s.end();
            }
            if (!covered) {
                missed.add(p.name() + " (" + p.file() + ")");
            }
        }
        assertTrue(missed.isEmpty(), "not detected: " + missed);
    }

    @Test
    void noPlantedSecretReachesTheRequestBody() throws Exception {
        AgentService service = AgentTestKit.service(server, "openai", new AgentTestKit.RecordingSleeper(),
                new AgentTestKit.TestClock(), new ArrayList<>());
        services.add(service);
        List<Planted> planted = planted();
        List<String> leaks = new ArrayList<>();
        int sent = 0;
        for (SourceFile f : files().values()) {
            int before = server.getRequestCount();
            server.enqueue(AgentTestKit.openAiContent("{\"findings\":[]}"));
            ReviewResult r = service.review(f, ProjectContext.EMPTY, List.of(), CancelToken.none());
            if (f.kind() == FileKind.DOTENV) {
                assertEquals(ReviewResult.Status.SKIPPED, r.status(), "dotenv files are never sent");
                assertEquals(before, server.getRequestCount());
                continue;
            }
            assertTrue(r.ok(), f.path() + ": " + r.message());
            String body = server.takeRequest().getBody().utf8();
            sent++;
            for (Planted p : planted) {
                String escaped = AgentTestKit.JSON.writeValueAsString(p.value());
                if (body.contains(p.value()) || body.contains(escaped.substring(1, escaped.length() - 1))) {
                    leaks.add(p.name() + " (" + p.file() + ") in the request for " + f.path());
                }
            }
            assertTrue(body.contains("<REDACTED-"), f.path() + " was sent without any redaction");
        }
        assertEquals(files().size() - 1, sent);
        assertTrue(leaks.isEmpty(), "leaked: " + leaks);
        assertFalse(server.getRequestCount() == 0);
    }
}
