package io.archlens.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.agent.provider.CancelToken;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every log line at every level (ArchLens's Log and JUL, where okhttp logs) is free of the API key. */
class LogSecrecyTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final List<String> captured = new ArrayList<>();
    final List<Logger> loggers = new ArrayList<>();
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder sb = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    sb.append(' ').append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(' ').append(w);
            }
            synchronized (captured) {
                captured.add(sb.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    final java.util.function.BiConsumer<io.archlens.core.Log.Level, String> sink = (level, msg) -> {
        synchronized (captured) {
            captured.add("Log " + level + " " + msg);
        }
    };

    @BeforeEach
    void capture() {
        io.archlens.core.Log.setThreshold(io.archlens.core.Log.Level.DEBUG);
        io.archlens.core.Log.addSink(sink);
        for (String name : new String[] {"", "io.archlens", "io.archlens.agent", "okhttp3", "mockwebserver3"}) {
            Logger l = Logger.getLogger(name);
            loggers.add(l);
            l.setLevel(Level.ALL);
            l.addHandler(handler);
        }
    }

    @AfterEach
    void release() {
        io.archlens.core.Log.removeSink(sink);
        io.archlens.core.Log.setThreshold(io.archlens.core.Log.Level.INFO);
        for (Logger l : loggers) {
            l.removeHandler(handler);
            l.setLevel(null);
        }
        Logger.getLogger("").setLevel(Level.INFO);
    }

    @Test
    void apiKeyNeverAppearsInLogs() throws Exception {
        List<String> notices = new ArrayList<>();
        for (String provider : List.of("openai", "anthropic")) {
            Map<String, Object> settings = AgentTestKit.settingsMap(server, provider);
            AgentService s = AgentTestKit.service(settings, new AgentTestKit.RecordingSleeper(),
                    new AgentTestKit.TestClock(), notices);
            String key = provider.equals("openai") ? AgentTestKit.OPENAI_KEY : AgentTestKit.ANTHROPIC_KEY;
            // errors that echo the key, retries, a success, a malformed answer
            server.enqueue(AgentTestKit.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key
                    + "\",\"type\":\"invalid_request_error\"}}"));
            server.enqueue(AgentTestKit.json(500, "{\"error\":{\"message\":\"boom " + key + "\"}}"));
            server.enqueue(AgentTestKit.json(503, "{}"));
            server.enqueue(AgentTestKit.json(200, "not json " + key));
            for (int i = 0; i < 3; i++) {
                s.review(new SourceFile("file:///w/compose.yml", "compose.yml", "services:\n  a" + i + ":\n    image: x\n",
                        FileKind.COMPOSE, 1), ProjectContext.EMPTY, List.of(), CancelToken.none());
            }
            s.preview(new SourceFile("file:///w/compose.yml", "compose.yml", "services: {}\n", FileKind.COMPOSE, 1),
                    ProjectContext.EMPTY, List.of()).render();
            s.close();
            synchronized (captured) {
                assertFalse(captured.isEmpty(), "something was logged");
                assertTrue(captured.stream().anyMatch(l -> l.contains("***")), "credentials are shown masked: " + captured);
                for (String line : captured) {
                    assertFalse(line.contains(key), "key leaked into a log line: " + line);
                    assertFalse(line.contains(key.substring(8)), "key fragment leaked: " + line);
                }
            }
            for (String n : notices) {
                assertFalse(n.contains(key), n);
            }
        }
    }
}
