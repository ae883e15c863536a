package io.archlens.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Server-initiated work-done progress, sent only when the client declared {@code window.workDoneProgress}.
 * Notifications wait for the client's answer to {@code window/workDoneProgress/create} and keep their order;
 * if the client refuses the token nothing more is sent. Each begin/end also updates {@code archlens/status}
 * for clients that asked for it (see {@link ClientStatus}). Use: {@code Progress p = Progress.begin(...);
 * ... p.end(null);} (end is idempotent).
 */
final class Progress {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Session session;
    private final String token;
    private final String uri;
    private CompletableFuture<Boolean> chain;
    private boolean ended;

    private Progress(Session session, String token, String uri, CompletableFuture<Boolean> chain) {
        this.session = session;
        this.token = token;
        this.uri = uri;
        this.chain = chain;
    }

    /**
     * Starts progress titled {@code title}. {@code state} is what {@code archlens/status} reports meanwhile
     * (BUSY or REVIEWING); {@code uri} the document concerned, if any.
     */
    static Progress begin(Session session, String title, ClientStatus.State state, String uri) {
        session.status(state, title, uri);
        if (session.client == null || !Capabilities.workDoneProgress(session.capabilities)) {
            return new Progress(session, null, uri, CompletableFuture.completedFuture(false));
        }
        String token = "archlens-" + IDS.incrementAndGet();
        CompletableFuture<Boolean> created = session.client
                .createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token)))
                .thenApply(v -> true)
                .exceptionally(e -> false);
        Progress p = new Progress(session, token, uri, created);
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle(title);
        begin.setCancellable(false);
        p.send(Either.forLeft(begin));
        return p;
    }

    /** True when this progress is shown through LSP work-done progress (the client supports it). */
    boolean usesWorkDoneProgress() {
        return token != null;
    }

    synchronized void report(String message) {
        if (ended) {
            return;
        }
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setMessage(message);
        send(Either.forLeft(r));
    }

    /** Ends the progress; a non-null {@code error} turns the status into an error with that reason. */
    synchronized void end(String error) {
        if (ended) {
            return;
        }
        ended = true;
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage(error);
        send(Either.forLeft(e));
        if (error == null) {
            session.status(ClientStatus.State.IDLE, null, uri);
        } else {
            session.status(ClientStatus.State.ERROR, error, uri);
        }
    }

    private void send(Either<org.eclipse.lsp4j.WorkDoneProgressNotification, Object> value) {
        if (token == null) {
            return;
        }
        chain = chain.thenApply(ok -> {
            if (ok) {
                session.client.notifyProgress(new ProgressParams(Either.forLeft(token), value));
            }
            return ok;
        });
    }
}
