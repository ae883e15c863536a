package io.archlens.agent.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.agent.prompt.OutputContract;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;

/** Builds providers against a MockWebServer with a recording sleeper. */
final class ProviderTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "sk-proj-SECRETKEY0123456789abcdefghij";

    static final class Waits implements Sleeper {
        final List<Long> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(long millis, CancelToken token) throws ProviderException {
            token.throwIfCancelled();
            waits.add(millis);
        }
    }

    static HttpCaller caller(Waits waits, long timeoutMs) {
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS).retryOnConnectionFailure(false).build();
        return new HttpCaller(client, new RetryPolicy(2, 1000, 20_000, 60_000, () -> 1.0, Clock.systemUTC()), waits);
    }

    static ProviderRequest request() {
        return new ProviderRequest("You review files.\n" + OutputContract.instructions("n0nce"),
                "Review this file.\n<<<FILE-n0nce\nservices: {}\nFILE-n0nce>>>\n", OutputContract.schema(), 0.1, 2048);
    }

    static String emptyFindings() {
        return "{\"findings\":[]}";
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static ProviderConfig config(ProviderKind kind, String baseUrl) {
        return new ProviderConfig(kind, baseUrl, kind == ProviderKind.OPENAI ? "gpt-test" : "claude-test", KEY,
                Duration.ofSeconds(5));
    }

    static ObjectNode parse(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s);
    }

    private ProviderTestSupport() {
    }
}
