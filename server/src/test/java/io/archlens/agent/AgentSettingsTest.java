package io.archlens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.agent.provider.ProviderKind;
import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {
    @Test
    void offByDefaultWithSensibleDefaults() {
        AgentSettings s = AgentSettings.from(Settings.DEFAULTS);
        assertFalse(s.enabled());
        assertEquals(ProviderKind.OPENAI, s.provider());
        assertEquals("https://api.openai.com/v1", s.baseUrl());
        assertEquals("OPENAI_API_KEY", s.apiKeyEnv());
        assertTrue(s.onSave());
        assertFalse(s.onType());
        assertEquals(1500, s.debounceMs());
        assertEquals(2, s.maxConcurrent());
        assertEquals("backend-architecture-expert", s.agentName());
        assertTrue(s.problems().isEmpty());
    }

    @Test
    void readsTheAgentSectionOfArchlensYml() {
        Settings settings = ConfigLoader.parse("""
                agent:
                  enabled: true
                  provider: anthropic
                  model: claude-sonnet-4-5
                  triggers: { on-save: false, on-type: true }
                  debounce-ms: 800
                  max-file-bytes: 50000
                  daily-token-budget: 0
                  max-concurrent: 8
                """);
        AgentSettings s = AgentSettings.from(settings);
        assertTrue(s.enabled());
        assertEquals(ProviderKind.ANTHROPIC, s.provider());
        assertEquals("https://api.anthropic.com", s.baseUrl());
        assertEquals("ANTHROPIC_API_KEY", s.apiKeyEnv());
        assertFalse(s.onSave());
        assertTrue(s.onType());
        assertEquals(800, s.debounceMs());
        assertEquals(50_000, s.maxFileBytes());
        assertEquals(0, s.dailyTokenBudget());
        assertEquals(2, s.maxConcurrent(), "never more than 2 calls at a time");
        AgentSettings list = AgentSettings.from(Map.of("triggers", List.of("on-type")));
        assertTrue(list.onType());
        assertFalse(list.onSave());
    }

    @Test
    void unsafeOrBadValuesFallBackWithAProblem() {
        AgentSettings s = AgentSettings.from(Map.of("api-key-env", "AWS_SECRET_ACCESS_KEY", "provider", "gemini",
                "base-url", "ftp://x", "debounce-ms", -5));
        assertEquals("OPENAI_API_KEY", s.apiKeyEnv(), "a settings file cannot point the key at another secret");
        assertEquals(ProviderKind.OPENAI, s.provider());
        assertEquals("https://api.openai.com/v1", s.baseUrl());
        assertEquals(1500, s.debounceMs());
        assertEquals(4, s.problems().size(), s.problems().toString());
        assertEquals("OPENROUTER_API_KEY", AgentSettings.from(Map.of("api-key-env", "OPENROUTER_API_KEY")).apiKeyEnv());
    }
}
