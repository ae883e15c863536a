package io.archlens.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.provider.CancelToken;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Talks to a real endpoint, only when one is configured in the environment (skipped otherwise, and in CI):
 * <pre>
 * ARCHLENS_TEST_OPENAI_BASE_URL=http://localhost:11434/v1 ARCHLENS_TEST_OPENAI_MODEL=qwen2.5-coder:7b
 * ARCHLENS_TEST_OPENAI_API_KEY=...            (optional for local servers)
 * ARCHLENS_TEST_ANTHROPIC_BASE_URL=https://api.anthropic.com ARCHLENS_TEST_ANTHROPIC_MODEL=claude-sonnet-4-5
 * ARCHLENS_TEST_ANTHROPIC_API_KEY=...
 * </pre>
 */
class RealProviderTest {
    static final String COMPOSE = """
            services:
              api:
                image: shop/api:latest
                ports:
                  - "8080:8080"
                environment:
                  SPRING_DATASOURCE_URL: jdbc:postgresql://db:5432/shop
                  SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE: "500"
              db:
                image: postgres
                ports:
                  - "5432:5432"
            """;

    @Test
    void openAiCompatibleEndpoint() {
        run("openai", "ARCHLENS_TEST_OPENAI");
    }

    @Test
    void anthropicEndpoint() {
        run("anthropic", "ARCHLENS_TEST_ANTHROPIC");
    }

    private static void run(String provider, String prefix) {
        String base = System.getenv(prefix + "_BASE_URL");
        assumeTrue(base != null && !base.isBlank(), prefix + "_BASE_URL not set; real-provider test skipped");
        Map<String, Object> m = new HashMap<>();
        m.put("enabled", true);
        m.put("provider", provider);
        m.put("base-url", base);
        m.put("api-key-env", prefix + "_API_KEY");
        if (System.getenv(prefix + "_MODEL") != null) {
            m.put("model", System.getenv(prefix + "_MODEL"));
        }
        m.put("min-confidence", 0.0);
        try (AgentService s = AgentService.create(AgentSettings.from(m), AgentDefinitions.load(null),
                AgentRuntime.system(null, base, n -> { }))) {
            ReviewResult r = s.review(new SourceFile("file:///w/docker-compose.yml", "docker-compose.yml", COMPOSE,
                    FileKind.COMPOSE, 1), ProjectContext.EMPTY, List.of(), CancelToken.none());
            assertTrue(r.ok(), r.status() + ": " + r.message());
            r.findings().forEach(f -> assertTrue(f.ruleId().startsWith("agent/")));
        }
    }
}
