package io.archlens.testing;

import io.archlens.core.Log;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs around every test (auto-detected: junit-platform.properties and META-INF/services): the server's log
 * ({@code core/Log}) goes to a buffer instead of stderr and is printed only when the test fails, so a green build
 * is quiet and a red one still shows what the server said. Tests that read the log add their own sink.
 */
public final class QuietLog implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final int MAX_CHARS = 1 << 20;
    private static final StringBuilder BUFFER = new StringBuilder();
    private static final BiConsumer<Log.Level, String> SINK = (level, msg) -> {
        synchronized (BUFFER) {
            if (BUFFER.length() < MAX_CHARS) {
                BUFFER.append('[').append(level).append("] ").append(msg).append('\n');
            }
        }
    };

    static {
        Log.addSink(SINK);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Log.setStderr(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Log.setStderr(false);
        synchronized (BUFFER) {
            BUFFER.setLength(0);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String log;
        synchronized (BUFFER) {
            log = BUFFER.toString();
            BUFFER.setLength(0);
        }
        if (context.getExecutionException().isPresent() && !log.isEmpty()) {
            System.err.println("--- archlens log of " + context.getDisplayName() + " ("
                    + context.getRequiredTestClass().getSimpleName() + ") ---\n" + log + "--- end of log ---");
        }
    }
}
