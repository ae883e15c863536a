package io.archlens.agent.provider;

/** A condition checked before every HTTP attempt of a review, retries included (e.g. the breaker is still closed). */
@FunctionalInterface
public interface AttemptGate {
    AttemptGate OPEN = () -> { };

    /** Throws when no further request may be sent for this review. */
    void check() throws ProviderException;
}
