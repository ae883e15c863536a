package io.archlens.agent.provider;

/** Why a provider call produced no usable answer. */
public enum Failure {
    /** Settings are incomplete or unsafe (no key, key over plain HTTP to a remote host...). */
    NOT_CONFIGURED(false),
    /** The provider rejected the key (401/403). */
    AUTH(true),
    /** Out of quota or credit: retrying cannot help. */
    QUOTA(true),
    /** 429 after the retries. */
    RATE_LIMITED(true),
    /** 5xx / 529 after the retries. */
    SERVER_ERROR(true),
    /** Other 4xx: the request itself is wrong. */
    BAD_REQUEST(true),
    /** Connection problems after the retries. */
    NETWORK(true),
    /** No answer within the timeout. */
    TIMEOUT(true),
    /** The model stopped at its output limit (finish_reason length / stop_reason max_tokens). */
    TRUNCATED(true),
    /** The model refused, or a content filter stopped it. */
    REFUSAL(true),
    /** The answer was not the JSON the contract asks for. */
    MALFORMED_OUTPUT(true),
    /** Anthropic answered without calling the findings tool. */
    NO_TOOL_CALL(true),
    /** The circuit breaker is open: calls are paused. */
    CIRCUIT_OPEN(false),
    /** The daily token budget is spent. */
    BUDGET_EXHAUSTED(false),
    /** The review was cancelled (document changed or closed, or the client cancelled). */
    CANCELLED(false);

    private final boolean countsTowardsBreaker;

    Failure(boolean countsTowardsBreaker) {
        this.countsTowardsBreaker = countsTowardsBreaker;
    }

    public boolean countsTowardsBreaker() {
        return countsTowardsBreaker;
    }
}
