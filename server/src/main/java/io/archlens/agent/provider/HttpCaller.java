package io.archlens.agent.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.logging.Level;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs JSON with the retry policy: retryable statuses and I/O errors are retried (at most
 * {@link RetryPolicy#maxRetries()} times) after the server's requested wait or an exponential backoff with
 * jitter; quota and billing errors are never retried; timeouts are not retried (the model was slow, and a
 * second try would double the wait and the cost). A connection that went away under the request (closed
 * while pooled, reset, stream reset) is retried once at once, on a new connection, before the retries count.
 * The token's gates (the circuit breaker) are checked before every request, retries included. Logs go through {@link SafeLog} with credentials masked.
 */
public final class HttpCaller {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final long MAX_BODY = 8L * 1024 * 1024;

    private final OkHttpClient client;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    public HttpCaller(OkHttpClient client, RetryPolicy retry, Sleeper sleeper) {
        this.client = client;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    /** A successful HTTP answer. */
    public record HttpResult(int status, String body) {
    }

    public HttpResult postJson(String url, Map<String, String> headers, String body, String secret, CancelToken token)
            throws ProviderException {
        Headers.Builder hb = new Headers.Builder();
        headers.forEach(hb::add);
        Request request = new Request.Builder().url(url).headers(hb.build())
                .post(RequestBody.create(body, JSON)).build();
        ProviderException last = null;
        long requested = -1;
        boolean resetRetried = false;
        boolean immediate = false;
        for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
            token.beforeAttempt();
            if (immediate) {
                SafeLog.log(Level.FINE, "agent: retrying " + url + " at once on a new connection after: "
                        + last.getMessage(), secret);
                immediate = false;
            } else if (attempt > 0) {
                long wait = requested >= 0 ? requested : retry.backoff(attempt - 1);
                SafeLog.log(Level.INFO, "agent: retrying " + url + " in " + wait + " ms after: " + last.getMessage(), secret);
                sleeper.sleep(wait, token);
                token.beforeAttempt();
            }
            SafeLog.log(Level.FINE, "agent: POST " + url + " [" + SafeLog.headers(request.headers()) + "] "
                    + body.length() + " chars", secret);
            Call call = client.newCall(request);
            token.attach(call);
            long t0 = System.nanoTime();
            try (Response response = call.execute()) {
                String text = response.peekBody(MAX_BODY).string();
                int status = response.code();
                SafeLog.log(Level.FINE, "agent: HTTP " + status + " from " + url + " in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms", secret);
                if (status >= 200 && status < 300) {
                    return new HttpResult(status, text);
                }
                String masked = SafeLog.mask(text, secret);
                String msg = "HTTP " + status + " from " + hostOf(url) + ": " + ErrorBodies.message(masked);
                if (ErrorBodies.isQuota(status, masked)) {
                    throw new ProviderException(Failure.QUOTA, SafeLog.mask(msg, secret), status, masked, null);
                }
                Failure f = status == 401 || status == 403 ? Failure.AUTH
                        : status == 429 ? Failure.RATE_LIMITED
                        : status >= 500 ? Failure.SERVER_ERROR : Failure.BAD_REQUEST;
                last = new ProviderException(f, SafeLog.mask(msg, secret), status, masked, null);
                SafeLog.log(Level.FINE, "agent: " + last.getMessage(), secret);
                if (!RetryPolicy.retryableStatus(status)) {
                    throw last;
                }
                requested = retry.serverDelay(response.header("retry-after-ms"), response.header("Retry-After"));
                if (requested > retry.maxRetryAfterMs()) {
                    throw new ProviderException(f, last.getMessage() + " (the provider asks to wait "
                            + requested / 1000 + " s; not retrying)", status, masked, null);
                }
            } catch (IOException e) {
                if (token.isCancelled() || "Canceled".equalsIgnoreCase(e.getMessage())) {
                    throw new ProviderException(Failure.CANCELLED, "cancelled", 0, null, null);
                }
                if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
                    throw new ProviderException(Failure.TIMEOUT, "no answer from " + hostOf(url)
                            + " within the timeout (" + SafeLog.mask(String.valueOf(e.getMessage()), secret) + ")", 0, null, null);
                }
                requested = -1;
                last = new ProviderException(Failure.NETWORK, "cannot reach " + hostOf(url) + ": "
                        + SafeLog.mask(e.getClass().getSimpleName() + " " + e.getMessage(), secret), 0, null, null);
                SafeLog.log(Level.FINE, "agent: " + last.getMessage(), secret);
                if (!resetRetried && droppedConnection(e)) {
                    resetRetried = true; // at once, on a new connection, and not counted as one of the retries
                    immediate = true;
                    attempt--;
                }
            }
        }
        throw last;
    }

    /**
     * The connection went away under the request (the server or a proxy closed a pooled connection, or reset
     * it, or reset the HTTP/2 stream), as opposed to a host that cannot be reached at all.
     */
    static boolean droppedConnection(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof java.io.EOFException || t.getClass().getSimpleName().equals("StreamResetException")
                    || m.contains("broken pipe") || m.contains("connection reset") || m.contains("unexpected end of stream")
                    || m.contains("connection abort")) {
                return true;
            }
        }
        return false;
    }

    static String hostOf(String url) {
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(url);
        return u == null ? "provider" : u.host() + (u.port() == okhttp3.HttpUrl.defaultPort(u.scheme()) ? "" : ":" + u.port());
    }
}
