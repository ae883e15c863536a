package io.archlens.agent.provider;

/** A failed provider call, classified. The message never contains the API key or request headers. */
public final class ProviderException extends Exception {
    private final Failure failure;
    private final int status;
    private final transient String body;

    public ProviderException(Failure failure, String message) {
        this(failure, message, 0, null, null);
    }

    public ProviderException(Failure failure, String message, int status, String body, Throwable cause) {
        super(message, cause, false, false);
        this.failure = failure;
        this.status = status;
        this.body = body;
    }

    public Failure failure() {
        return failure;
    }

    /** HTTP status, 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }

    /** The (masked, truncated) response body, for classification; may be null. */
    public String body() {
        return body;
    }
}
