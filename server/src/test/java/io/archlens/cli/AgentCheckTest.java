package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code archlens check --agent NAME} against a MockWebServer speaking the OpenAI wire format. */
class AgentCheckTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer provider = new MockWebServer();

    private static CliRun run(String... args) {
        return CliRun.of(new CheckCommand(), args);
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static MockResponse answer(String rule, String quote) {
        ObjectNode f = JSON.createObjectNode();
        f.put("rule", rule).put("category", "reliability").put("severity", "warning")
                .put("message", rule + " here\u001B[2J ![b](https://attacker.example/b.png)")
                .put("explanation", "why").put("confidence", 0.9);
        f.putObject("anchor").put("quote", quote).put("line_hint", 1);
        f.putNull("fix");
        ObjectNode findings = JSON.createObjectNode();
        findings.putArray("findings").add(f);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putArray("choices").addObject();
        c.putObject("message").put("role", "assistant").put("content", findings.toString()).putNull("refusal");
        c.put("finish_reason", "stop");
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(root.toString()).build();
    }

    @Test
    void checkWithAgentMergesAgentFindingsAndReportsProgressOnStderr() throws Exception {
        write(".archlens.yml", "agent:\n  provider: openai\n  base-url: " + provider.url("/v1") + "\n  model: gpt-test\n");
        write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    restart: always\n");
        write("src/main/java/shop/Db.java", "class Db {\n  Connection c = DriverManager.getConnection(url);\n}\n");
        write(".env", "DB_PASSWORD=hunter2hunter2\n");
        List<String> bodies = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(100);
                inFlight.decrementAndGet();
                String body = request.getBody().utf8();
                synchronized (bodies) {
                    bodies.add(body);
                }
                return body.contains("Db.java") ? answer("missing-connection-timeout", "DriverManager.getConnection(url)")
                        : answer("db-single-replica", "image: postgres:16");
            }
        });
        CliRun r = run(dir.toString(), "--agent", "backend-architecture-expert", "--format", "json");
        JsonNode out = JSON.readTree(r.out());
        List<String> agentRules = new ArrayList<>();
        for (JsonNode f : out.path("findings")) {
            if (f.path("source").asText().equals("archlens/backend-architecture-expert")) {
                agentRules.add(f.path("path").asText().replace('\\', '/') + " " + f.path("rule").asText());
            }
        }
        assertTrue(agentRules.stream().anyMatch(s -> s.endsWith("docker-compose.yml agent/db-single-replica")), agentRules + r.err());
        assertTrue(agentRules.stream().anyMatch(s -> s.endsWith("Db.java agent/missing-connection-timeout")),
                "source code is reviewed by the agent: " + agentRules);
        assertEquals(2, provider.getRequestCount(), ".env is never sent: " + r.err());
        assertTrue(bodies.stream().noneMatch(b -> b.contains("hunter2hunter2")));
        assertTrue(max.get() <= 2);
        assertTrue(r.err().contains("reviewing 2 files"), r.err());
        assertTrue(r.err().contains("agent [1/2]") && r.err().contains("agent [2/2]"), r.err());
        assertEquals(1, r.code(), "warnings fail the check as usual");
    }

    @Test
    void sarifListsEachAgentRuleInTheDriver() throws Exception {
        write(".archlens.yml", "agent:\n  provider: openai\n  base-url: " + provider.url("/v1") + "\n  model: gpt-test\n");
        write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    restart: always\n");
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer("db-single-replica", "image: postgres:16");
            }
        });
        CliRun r = run(dir.toString(), "--agent", "backend-architecture-expert", "--format", "sarif");
        JsonNode run = JSON.readTree(r.out()).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode agentResult = null;
        for (JsonNode res : run.get("results")) {
            if (res.get("ruleId").asText().equals("agent/db-single-replica")) {
                agentResult = res;
            }
        }
        assertNotNull(agentResult, r.out() + r.err());
        JsonNode rule = rules.get(agentResult.get("ruleIndex").asInt());
        assertEquals("agent/db-single-replica", rule.get("id").asText());
        assertTrue(rule.get("shortDescription").get("text").asText().contains("backend-architecture-expert"),
                rule.toString());
        assertTrue(rule.get("properties").get("tags").toString().contains("llm-agent"), rule.toString());
        int count = 0;
        for (JsonNode x : rules) {
            count += x.get("id").asText().equals("agent/db-single-replica") ? 1 : 0;
        }
        assertEquals(1, count, "one driver entry per agent rule id");
    }

    @Test
    void noKeyForAPublicProviderExitsThreeAndSaysWhy() throws Exception {
        write(".archlens.yml", "agent:\n  provider: openai\n  api-key-env: ARCHLENS_TEST_NEVER_SET_API_KEY\n");
        write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    privileged: true\n");
        CliRun r = run(dir.toString(), "--agent", "backend-architecture-expert");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("reviewed no file") && r.err().contains("ARCHLENS_TEST_NEVER_SET_API_KEY"), r.err());
        assertTrue(r.out().contains("compose/privileged"), "the rule book's findings are still reported: " + r.out());

        Files.delete(dir.resolve("docker-compose.yml"));
        write(".env", "DB_PASSWORD=hunter2hunter2\n");
        CliRun nothingToSend = run(dir.toString(), "--agent", "backend-architecture-expert");
        assertEquals(1, nothingToSend.code(), "only a .env file, which is never sent: the missing key did not matter "
                + nothingToSend.err());
    }

    @Test
    void anUnreachableEndpointExitsThree() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        write(".archlens.yml", "agent:\n  provider: openai\n  model: gpt-test\n");
        write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n");
        CliRun r = run(dir.toString(), "--agent", "backend-architecture-expert", "--agent-base-url",
                "http://127.0.0.1:" + port + "/v1", "--format", "json");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("reviewed no file") && r.err().contains("cannot reach 127.0.0.1:" + port), r.err());
        JSON.readTree(r.out()); // the report is still complete JSON
    }

    @Test
    void aBreakerOpenForEveryFileExitsThreeButOneReviewedFileDoesNot() throws Exception {
        write(".archlens.yml", "agent:\n  provider: openai\n  base-url: " + provider.url("/v1") + "\n  model: gpt-test\n");
        write("a/docker-compose.yml", "services:\n  db:\n    image: postgres:16\n");
        write("b/docker-compose.yml", "services:\n  cache:\n    image: redis:7\n");
        write("c/docker-compose.yml", "services:\n  mq:\n    image: rabbitmq:3\n");
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}").build();
            }
        });
        CliRun r = run(dir.toString(), "--agent", "backend-architecture-expert");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("reviewed no file"), r.err());
        assertTrue(provider.getRequestCount() <= 2, "the breaker opened after the first 401: " + provider.getRequestCount());

        // the same files, one of them reviewed: the agent ran, the exit code is the rule book's and the agent's
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getBody().utf8().contains("redis:7") ? answer("cache-single-replica", "image: redis:7")
                        : new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                                .body("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}").build();
            }
        });
        CliRun partly = run(dir.toString(), "--agent", "backend-architecture-expert");
        assertEquals(1, partly.code(), partly.err());
        assertTrue(partly.out().contains("agent/cache-single-replica cache-single-replica here b\n"), partly.out());
        assertFalse(partly.out().contains("attacker.example") || partly.out().contains("\u001B"), partly.out());
        assertFalse(partly.err().contains("reviewed no file"), partly.err());
    }

    @Test
    void unknownAgentIsAUsageError() throws Exception {
        write("docker-compose.yml", "services: {}\n");
        CliRun r = run(dir.toString(), "--agent", "nobody");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no agent definition named 'nobody'"), r.err());
        assertFalse(r.out().contains("agent/"));
    }
}
