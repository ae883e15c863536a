package io.archlens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.prompt.PromptBuilder;
import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentCoordinatorTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    final List<AgentCoordinator> coordinators = new ArrayList<>();

    final AgentListener listener = new AgentListener() {
        @Override
        public void findings(String uri, int version, List<Finding> findings) {
            events.add("findings " + uri + " v" + version + " " + findings.size());
        }

        @Override
        public void progressBegin(String token, String uri, String title) {
            events.add("begin " + uri);
        }

        @Override
        public void progressEnd(String token, String message) {
            events.add("end " + message);
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }
    };

    @AfterEach
    void close() {
        coordinators.forEach(AgentCoordinator::close);
    }

    AgentCoordinator coordinator(Map<String, Object> settings, boolean trusted) {
        AgentSettings s = AgentSettings.from(settings);
        AgentService service = AgentService.create(s, AgentDefinitions.load(null),
                AgentTestKit.runtime(new AgentTestKit.RecordingSleeper(), new AgentTestKit.TestClock(), notices),
                new PromptBuilder());
        AgentCoordinator c = new AgentCoordinator(service, s, trusted, ProjectContext.EMPTY, listener);
        coordinators.add(c);
        return c;
    }

    static SourceFile doc(String name, int version, String text) {
        return new SourceFile("file:///w/" + name, name, text, FileKind.COMPOSE, version);
    }

    static String compose(int v) {
        return "services:\n  api:\n    image: shop/api:1." + v + "\n";
    }

    static String oneFinding(int v) {
        return AgentTestKit.findingsJson(AgentTestKit.finding("pin", "reliability", "info", "pin it",
                "shop/api:1." + v, 3, null));
    }

    @Test
    void burstOfTwentyEditsMakesAtMostOneRequest() throws Exception {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        settings.put("triggers", Map.of("on-type", true, "on-save", false));
        // a debounce far above the burst (20 edits 5 ms apart), so a preempted test thread cannot split it
        settings.put("debounce-ms", 1000);
        server.enqueue(AgentTestKit.openAiContent(oneFinding(20)));
        AgentCoordinator c = coordinator(settings, true);
        for (int v = 1; v <= 20; v++) {
            c.changed(doc("compose.yml", v, compose(v)), List.of());
            Thread.sleep(5);
        }
        awaitEvent("findings file:///w/compose.yml v20 1", 5000);
        Thread.sleep(400);
        RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
        int requestsForCompose = 0;
        for (RecordedRequest r = first; r != null; r = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            if (r.getBody().utf8().contains("shop/api")) {
                requestsForCompose++;
                assertTrue(r.getBody().utf8().contains("shop/api:1.20"), "only the last version is reviewed");
            }
        }
        assertEquals(1, requestsForCompose);
    }

    @Test
    void aChangeCancelsTheCallInFlightAndItsResultIsNeverDelivered() throws Exception {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        CountDownLatch arrived = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrived.countDown();
                return new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).setHeader("Content-Type", "application/json")
                        .body("{}").build();
            }
        });
        AgentCoordinator c = coordinator(settings, true);
        var result = c.review(doc("compose.yml", 1, compose(1)), List.of());
        assertTrue(arrived.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        c.changed(doc("compose.yml", 2, compose(2)), List.of());
        ReviewResult r = result.get(2, TimeUnit.SECONDS);
        assertEquals(ReviewResult.Status.CANCELLED, r.status());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "cancelled promptly, not after the response");
        assertFalse(events.stream().anyMatch(e -> e.startsWith("findings")), events.toString());
        assertTrue(events.contains("begin file:///w/compose.yml"));
        assertTrue(events.contains("end cancelled"), events.toString());
    }

    @Test
    void closeAndExplicitCancelAlsoAbort() throws Exception {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build();
            }
        });
        AgentCoordinator c = coordinator(settings, true);
        var a = c.review(doc("a.yml", 1, compose(1)), List.of());
        var b = c.review(doc("b.yml", 1, compose(2)), List.of());
        Thread.sleep(300);
        c.closed("file:///w/a.yml");
        c.cancel("file:///w/b.yml");
        assertEquals(ReviewResult.Status.CANCELLED, a.get(2, TimeUnit.SECONDS).status());
        assertEquals(ReviewResult.Status.CANCELLED, b.get(2, TimeUnit.SECONDS).status());
    }

    @Test
    void atMostTwoCallsRunAtOnce() throws Exception {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
                Thread.sleep(200);
                inFlight.decrementAndGet();
                return AgentTestKit.openAiContent("{\"findings\":[]}");
            }
        });
        AgentCoordinator c = coordinator(settings, true);
        List<java.util.concurrent.CompletableFuture<ReviewResult>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(c.review(doc("f" + i + ".yml", 1, compose(i)), List.of()));
        }
        for (var f : all) {
            assertTrue(f.get(10, TimeUnit.SECONDS).ok());
        }
        assertEquals(6, server.getRequestCount());
        assertTrue(max.get() <= 2, "max concurrent calls " + max.get());
    }

    @Test
    void saveTriggersAReviewAndReopeningAnUnchangedFileCostsNoCall() throws Exception {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        server.enqueue(AgentTestKit.openAiContent(oneFinding(1)));
        AgentCoordinator c = coordinator(settings, true);
        c.saved(doc("compose.yml", 1, compose(1)), List.of());
        awaitEvent("findings file:///w/compose.yml v1 1", 5000);
        c.closed("file:///w/compose.yml");
        events.clear();
        c.opened(doc("compose.yml", 7, compose(1)), List.of());
        assertEquals(List.of("findings file:///w/compose.yml v7 1"), events);
        assertEquals(1, server.getRequestCount());
        c.saved(doc("compose.yml", 8, compose(1)), List.of());
        awaitEvent("findings file:///w/compose.yml v8 1", 5000);
        assertEquals(1, server.getRequestCount(), "a save of unchanged content is a cache hit");
        assertFalse(events.stream().anyMatch(e -> e.startsWith("begin")), "no progress for a cache hit");
    }

    @Test
    void untrustedOrDisabledWorkspacesSendNothing() throws Exception {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        AgentCoordinator untrusted = coordinator(settings, false);
        assertFalse(untrusted.active());
        assertFalse(untrusted.handles(FileKind.JAVA));
        untrusted.saved(doc("compose.yml", 1, compose(1)), List.of());
        ReviewResult r = untrusted.review(doc("compose.yml", 1, compose(1)), List.of()).get(1, TimeUnit.SECONDS);
        assertEquals(ReviewResult.Status.SKIPPED, r.status());
        assertTrue(r.message().contains("untrusted"));

        settings.put("enabled", false);
        AgentCoordinator off = coordinator(settings, true);
        assertFalse(off.handles(FileKind.COMPOSE));
        off.saved(doc("compose.yml", 1, compose(1)), List.of());
        off.review(doc("compose.yml", 1, compose(1)), List.of()).get(1, TimeUnit.SECONDS);
        Thread.sleep(100);
        assertEquals(0, server.getRequestCount());

        AgentCoordinator viaFactory = AgentCoordinator.create(AgentSettings.from(settings), AgentDefinitions.load(null),
                AgentTestKit.runtime(new AgentTestKit.RecordingSleeper(), new AgentTestKit.TestClock(), notices), true,
                ProjectContext.EMPTY, listener);
        coordinators.add(viaFactory);
        assertFalse(viaFactory.active());
    }

    @Test
    void sourceCodeIsHandledOnlyWhileTheAgentIsActive() {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        AgentCoordinator on = coordinator(settings, true);
        for (FileKind k : FileKind.values()) {
            if (k.isSourceCode()) {
                assertTrue(on.handles(k), k.id());
            }
        }
        assertFalse(on.handles(FileKind.DOTENV));
        settings.put("enabled", false);
        AgentCoordinator off = coordinator(settings, true);
        for (FileKind k : FileKind.values()) {
            assertFalse(off.handles(k), k.id());
        }
    }

    @Test
    void factoryReportsAnUnknownAgentOnce() {
        Map<String, Object> settings = AgentTestKit.settingsMap(server, "openai");
        settings.put("name", "no-such-agent");
        AgentCoordinator c = AgentCoordinator.create(AgentSettings.from(settings), AgentDefinitions.load(null),
                AgentTestKit.runtime(new AgentTestKit.RecordingSleeper(), new AgentTestKit.TestClock(), notices), true,
                ProjectContext.EMPTY, listener);
        coordinators.add(c);
        assertFalse(c.active());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("no-such-agent"));
    }

    private void awaitEvent(String event, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (events.contains(event)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no event '" + event + "' in " + events);
    }
}
