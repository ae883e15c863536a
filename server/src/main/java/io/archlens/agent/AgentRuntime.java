package io.archlens.agent;

import io.archlens.agent.provider.OutputModeMemory;
import io.archlens.agent.provider.RetryPolicy;
import io.archlens.agent.provider.Sleeper;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the agent takes from its surroundings, injectable for tests: environment variables, a key the client
 * passed at start-up, the base URL the user confirmed for that key (editor settings or the command line, as
 * opposed to a project file), the clock, how to wait between retries, and where user-facing notices go.
 */
public record AgentRuntime(Function<String, String> env, String clientApiKey, String userBaseUrl, Clock clock,
        Sleeper sleeper, RetryPolicy retry, OutputModeMemory modes, Consumer<String> notices) {

    public static AgentRuntime system(String clientApiKey, String userBaseUrl, Consumer<String> notices) {
        return new AgentRuntime(System::getenv, clientApiKey, userBaseUrl, Clock.systemUTC(), Sleeper.REAL,
                RetryPolicy.defaults(), new OutputModeMemory(), notices == null ? m -> { } : notices);
    }

    public AgentRuntime withNotices(Consumer<String> n) {
        return new AgentRuntime(env, clientApiKey, userBaseUrl, clock, sleeper, retry, modes, n);
    }

    @Override
    public String toString() {
        return "AgentRuntime[clientApiKey=" + (clientApiKey == null ? "none" : "***") + ", userBaseUrl=" + userBaseUrl + "]";
    }
}
