package io.archlens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.archlens.agent.provider.OutputModeMemory;
import io.archlens.agent.provider.RetryPolicy;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the user's API key may go: a project file can point the agent at a host, but never steal the key. */
class KeyDestinationTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    final List<AgentService> services = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(AgentService::close);
    }

    private AgentService fromProjectFile(String baseUrl) {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        settings.put("base-url", baseUrl);
        AgentService s = AgentService.create(AgentSettings.from(settings),
                io.archlens.agent.definition.AgentDefinitions.load(null),
                new AgentRuntime(k -> AgentTestKit.OPENAI_KEY, null, null, new AgentTestKit.TestClock(),
                        new AgentTestKit.RecordingSleeper(), RetryPolicy.defaults(), new OutputModeMemory(), n -> { }));
        services.add(s);
        return s;
    }

    private static String authorization(AgentService s) {
        SourceFile f = new SourceFile("file:///w/docker-compose.yml", "docker-compose.yml", "services:\n  a:\n    image: x:1\n",
                FileKind.COMPOSE, 1);
        return s.preview(f, ProjectContext.EMPTY, List.of()).headers().get("Authorization");
    }

    @Test
    void aHostNameThatStartsWith127GetsNoKey() {
        for (String url : List.of("http://127.attacker.example/v1", "http://127.0.0.1.attacker.example/v1",
                "http://localhost.attacker.example/v1", "https://127.attacker.example/v1")) {
            assertNull(authorization(fromProjectFile(url)), url);
        }
    }

    @Test
    void aRealLoopbackEndpointStillGetsTheKey() {
        String local = server.url("/v1").toString(); // MockWebServer listens on a loopback address
        assertNotEquals(null, authorization(fromProjectFile(local)), local);
        assertEquals("Bearer ***", authorization(fromProjectFile("http://127.0.0.1:1/v1")));
        assertEquals("Bearer ***", authorization(fromProjectFile("http://[::1]:1/v1")));
    }
}
