package io.archlens.agent.provider;

/** Waits between retries. Injected so tests assert the wait instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Waits {@code millis}, returning early with {@link Failure#CANCELLED} when the token is cancelled. */
    void sleep(long millis, CancelToken token) throws ProviderException;

    Sleeper REAL = (millis, token) -> {
        if (token.await(millis)) {
            throw new ProviderException(Failure.CANCELLED, "cancelled");
        }
    };
}
