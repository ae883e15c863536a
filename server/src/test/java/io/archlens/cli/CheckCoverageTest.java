package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 §1: check says what it reviewed and why it passed over a path the user named; never skips silently. */
class CheckCoverageTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(new CheckCommand(), args);
    }

    private Path write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** A spec whose root openapi: key comes after 64 KiB of components. */
    private static String bigSpec() {
        StringBuilder sb = new StringBuilder("components:\n  schemas:\n");
        for (int i = 0; sb.length() < 80 * 1024; i++) {
            sb.append("    M").append(i).append(":\n      type: object\n");
        }
        return sb.append("info:\n  title: big\n  version: '1'\npaths: {}\nopenapi: 3.0.3\n").toString();
    }

    @Test
    void namedFilesThatAreNotAnalysedGetAReasonOnStderrAndInJson() throws Exception {
        Path readme = write("README.md", "# hello\n");
        Path values = write("chart/values.yaml", "replicaCount: 2\n");
        Path env = write(".env", "A=1\n");
        CliRun r = run(readme.toString(), values.toString(), env.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("README.md: skipped: not a kind of file ArchLens analyses"), r.err());
        assertTrue(r.err().contains("[unknown-kind]"), r.err());
        assertTrue(r.err().contains("values.yaml: skipped: YAML/JSON that is none of Compose"), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        List<String> reasons = new ArrayList<>();
        root.get("skipped").forEach(s -> reasons.add(s.get("path").asText().replaceAll(".*/", "") + "="
                + s.get("reason").asText()));
        assertEquals(List.of("README.md=unknown-kind", "values.yaml=unknown-kind"), reasons);
        assertEquals(1, root.get("files").size());
        assertEquals("dotenv", root.get("files").get(0).get("kind").asText());
        assertEquals(1, root.get("summary").get("kinds").get("dotenv").asInt());
    }

    @Test
    void namedSourceFileIsSaidToBeForTheAgent() throws Exception {
        Path java = write("src/App.java", "class App {}\n");
        CliRun r = run(java.toString());
        assertEquals(0, r.code());
        assertTrue(r.err().contains("App.java: skipped: java source code: only an LLM agent reviews it"), r.err());
        assertTrue(r.err().contains("[source-code]"), r.err());
    }

    @Test
    void walkedFolderStaysQuietAboutFilesOfNoKind() throws Exception {
        write("README.md", "# hello\n");
        write("chart/values.yaml", "replicaCount: 2\n");
        write("Dockerfile", "FROM alpine:3.20\nUSER 1000\n");
        CliRun r = run(dir.toString());
        assertFalse(r.err().contains("skipped"), r.err());
        assertTrue(r.out().strip().endsWith("in 1 file (1 dockerfile)"), r.out());
    }

    @Test
    void zeroAnalysedFilesIsAWarningAndExitZero() throws Exception {
        write("docs/a.md", "x\n");
        CliRun r = run(dir.resolve("docs").toString());
        assertEquals(0, r.code());
        assertTrue(r.err().contains("archlens: warning: no file analysed in"), r.err());
        CliRun named = run(write("notes.txt", "x\n").toString());
        assertEquals(0, named.code());
        assertTrue(named.err().contains("notes.txt: skipped:") && named.err().contains("no file analysed"), named.err());
    }

    @Test
    void namedFileThatCannotBeReadExitsTwo() throws Exception {
        Path sock = dir.resolve("s.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
            CliRun r = run(sock.toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains("cannot read") && r.err().contains("not a regular file"), r.err());
        }
    }

    @Test
    void namedFileWithoutPermissionExitsTwo() throws Exception {
        Path env = write(".env", "A=1\n");
        assertTrue(env.toFile().setReadable(false, false));
        Assumptions.assumeFalse(Files.isReadable(env), "running as root: permissions are not enforced");
        CliRun r = run(env.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot read"), r.err());
    }

    @Test
    void bigSpecNamedOnTheCommandLineIsAnalysedAsOpenApi() throws Exception {
        Path spec = write("api/spec.yaml", bigSpec());
        CliRun r = run(spec.toString(), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("openapi", root.get("files").get(0).get("kind").asText(), r.out() + r.err());
        assertEquals(0, root.get("skipped").size());
    }

    @Test
    void sarifListsAnalysedFilesAsArtifactsAndTextCountsKinds() throws Exception {
        write("Dockerfile", "FROM alpine:3.20\nUSER 1000\n");
        write("k8s/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: shop\nspec:\n"
                + "  selector: {app: api}\n  ports: [{port: 80}]\n");
        write("k8s/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\ndata: {}\n");
        JsonNode sarif = new ObjectMapper().readTree(run(dir.toString(), "--format", "sarif").out());
        JsonNode artifacts = sarif.get("runs").get(0).get("artifacts");
        assertEquals(3, artifacts.size());
        List<String> kinds = new ArrayList<>();
        artifacts.forEach(a -> kinds.add(a.get("location").get("uri").asText().replaceAll(".*/", "") + ":"
                + a.get("properties").get("kind").asText()));
        assertTrue(kinds.containsAll(List.of("Dockerfile:dockerfile", "svc.yaml:kubernetes", "cm.yaml:kubernetes")),
                kinds.toString());
        CliRun text = run(dir.toString(), "--verbose");
        assertTrue(text.out().strip().matches("(?s).* in 3 files \\(2 kubernetes, 1 dockerfile\\)"), text.out());
        assertTrue(text.err().contains("archlens: analysed ") && text.err().contains("svc.yaml (kubernetes)"), text.err());
    }

    @Test
    void filesAComposeServiceMountsIntoNginxAreAnalysedAsNginx() throws Exception {
        write("app/compose.yaml", """
                services:
                  web:
                    image: nginx:1.27
                    volumes:
                      - ./proxy/site.txt:/etc/nginx/conf.d/default.conf:ro
                      - ./proxy/snips:/etc/nginx/snippets
                      - ./certs:/etc/nginx/certs:ro
                      - ./html:/usr/share/nginx/html
                """);
        write("app/proxy/site.txt", "server {\n  listen 80;\n  location / { proxy_pass http://api:8080; }\n}\n");
        write("app/proxy/snips/headers", "add_header X-Frame-Options DENY;\n");
        write("app/certs/server", "-----BEGIN PRIVATE KEY-----\n");
        write("app/html/index", "<h1>hi</h1>\n");
        JsonNode root = new ObjectMapper().readTree(run(dir.resolve("app").toString(), "--format", "json").out());
        List<String> files = new ArrayList<>();
        root.get("files").forEach(f -> files.add(f.get("path").asText().replaceAll(".*/app/", "") + ":"
                + f.get("kind").asText()));
        assertTrue(files.contains("proxy/site.txt:nginx"), files.toString());
        assertTrue(files.contains("proxy/snips/headers:nginx"), files.toString());
        assertFalse(files.stream().anyMatch(f -> f.startsWith("certs/") || f.startsWith("html/")), files.toString());
    }
}
