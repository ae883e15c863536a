package io.archlens.agent.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Connections that go away under a request: a pooled connection the server closed, a connection dropped after
 * the request, a host that refuses connections; and the gate (the circuit breaker) checked before every retry.
 */
class DroppedConnectionTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final ProviderTestSupport.Waits waits = new ProviderTestSupport.Waits();
    final HttpCaller http = ProviderTestSupport.caller(waits, 5000);

    private HttpCaller.HttpResult post(CancelToken token) throws ProviderException {
        return http.postJson(server.url("/v1/chat/completions").toString(), Map.of(), "{}", ProviderTestSupport.KEY, token);
    }

    static MockResponse ok(String body) {
        return ProviderTestSupport.json(200, body);
    }

    @Test
    void aPooledConnectionTheServerClosedIsRetriedAtOnceOnANewConnection() throws Exception {
        // the first answer comes back normally, then the server closes the connection the client keeps in its pool
        server.enqueue(ok("{\"n\":1}").newBuilder().onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok("{\"n\":2}"));
        assertEquals("{\"n\":1}", post(CancelToken.none()).body());
        assertEquals("{\"n\":2}", post(CancelToken.none()).body());
        assertEquals(List.of(), waits.waits, "no backoff for a connection that was only stale");
        assertEquals(2, server.getRequestCount());
        assertEquals(0, server.takeRequest().getConnectionIndex());
        assertEquals(1, server.takeRequest().getConnectionIndex(), "the second request went over a new connection");
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsRetriedOnceAtOnceThenWithBackoff() throws Exception {
        MockResponse drop = ok("{}").newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build();
        server.enqueue(drop);
        server.enqueue(drop);
        server.enqueue(ok("{\"n\":3}"));
        assertEquals("{\"n\":3}", post(CancelToken.none()).body());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(1000L), waits.waits, "the first drop is retried at once, the second after the backoff");
    }

    @Test
    void droppedConnectionsEveryTimeFailAfterTheRetries() {
        MockResponse drop = ok("{}").newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build();
        for (int i = 0; i < 5; i++) {
            server.enqueue(drop);
        }
        ProviderException e = assertThrows(ProviderException.class, () -> post(CancelToken.none()));
        assertEquals(Failure.NETWORK, e.failure());
        assertEquals(4, server.getRequestCount(), "one immediate retry, then the two counted retries");
        assertEquals(List.of(1000L, 2000L), waits.waits);
    }

    @Test
    void aHostThatRefusesConnectionsGetsNoImmediateRetry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProviderException e = assertThrows(ProviderException.class, () -> http.postJson("http://127.0.0.1:" + port
                + "/v1/chat/completions", Map.of(), "{}", ProviderTestSupport.KEY, CancelToken.none()));
        assertEquals(Failure.NETWORK, e.failure());
        assertEquals(List.of(1000L, 2000L), waits.waits, "the usual retries, nothing more");
    }

    @Test
    void theGateIsCheckedBeforeEveryAttemptRetriesIncluded() {
        server.enqueue(ProviderTestSupport.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        server.enqueue(ok("{}"));
        AtomicInteger checks = new AtomicInteger();
        CancelToken token = CancelToken.none();
        token.gate(() -> {
            if (checks.incrementAndGet() > 1) {
                throw new ProviderException(Failure.CIRCUIT_OPEN, "agent calls are paused: test");
            }
        });
        ProviderException e = assertThrows(ProviderException.class, () -> post(token));
        assertEquals(Failure.CIRCUIT_OPEN, e.failure());
        assertEquals(1, server.getRequestCount(), "no request after the gate closed");
        assertTrue(checks.get() >= 2);
    }

    @Test
    void droppedConnectionIsToldApartFromOtherFailures() {
        assertTrue(HttpCaller.droppedConnection(new java.net.SocketException("Broken pipe")));
        assertTrue(HttpCaller.droppedConnection(new java.net.SocketException("Connection reset")));
        assertTrue(HttpCaller.droppedConnection(new java.io.IOException("unexpected end of stream on http://x/...",
                new java.io.EOFException("\\n not found: limit=0"))));
        assertTrue(!HttpCaller.droppedConnection(new java.net.ConnectException("Connection refused")));
        assertTrue(!HttpCaller.droppedConnection(new java.net.UnknownHostException("nowhere.example")));
    }
}
