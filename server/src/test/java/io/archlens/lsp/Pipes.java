package io.archlens.lsp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The two pipes between a test client and an in-process server, and their orderly end. Closing them in the
 * wrong order (or interrupting the listeners) makes the server write into a pipe whose reader is gone ("Read
 * end dead") and LSP4J log a stack trace for every later message; a server that never received {@code exit}
 * also keeps its log sink registered, so every later test's log lines go to its dead pipe. So:
 * {@code shutdown} request, {@code exit} notification (the server removes its log sink), close the
 * client→server stream (the server's listener reads the exit, then the end of its input, and stops), wait for
 * it, then close the server→client stream (the client's listener stops the same way) and the rest.
 * {@link java.io.PipedInputStream} is not used: it fails reads and writes when the last thread that used the
 * other end has ended ("Write end dead"), which pool threads do.
 */
final class Pipes {
    private static final long WAIT_SECONDS = 5;

    private final Pipe toServer = new Pipe();
    private final Pipe toClient = new Pipe();
    final InputStream serverIn = toServer.in;
    final OutputStream clientOut = toServer.out;
    final InputStream clientIn = toClient.in;
    final OutputStream serverOut = toClient.out;
    volatile Future<Void> serverListening;
    volatile Future<Void> clientListening;

    void close(LanguageServer server) {
        try {
            server.shutdown().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception stoppedAlready) {
            // the test may have shut the server down itself, or closed the connection
        }
        try {
            server.exit();
        } catch (RuntimeException stoppedAlready) {
            // the connection is gone already
        }
        quietly(clientOut);
        await(serverListening);
        quietly(serverOut);
        await(clientListening);
        quietly(serverIn);
        quietly(clientIn);
    }

    private static void await(Future<Void> listening) {
        if (listening == null) {
            return;
        }
        try {
            listening.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ended) {
            // ended with an error or did not end in time: the remaining streams are closed anyway
        }
    }

    private static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a pipe does not fail in a way a test could act on
        }
    }

    /**
     * One direction: written chunks queue up for the reader; closing either end ends the stream for the reader,
     * and bytes written after that are dropped (the other side has gone, as a closed editor would have).
     */
}
