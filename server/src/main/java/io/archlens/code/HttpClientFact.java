package io.archlens.code;

import io.archlens.core.TextRange;
import java.util.Set;

/**
 * An outbound HTTP client (or request) built in the code. {@code library} names the client family
 * ({@code rest-template}, {@code webclient}, {@code java-http}, {@code apache-http}, {@code okhttp}, later
 * {@code requests}, {@code axios}, {@code go-http}...); {@code timeouts} the timeouts set where it is built
 * ({@link Timeout}); {@code configuredElsewhere}: it is handed something (a request factory, a connector, a
 * request config) that may carry timeouts, so nothing is known to be missing.
 */
public record HttpClientFact(String library, String what, TextRange range, Set<Timeout> timeouts,
        boolean configuredElsewhere, String function) {

    public enum Timeout { CONNECT, READ, RESPONSE, CALL, WRITE }

    public HttpClientFact {
        timeouts = Set.copyOf(timeouts);
    }

    /** No timeout that bounds waiting for the answer (read, response or whole call) is set, as far as is known. */
    public boolean waitsForever() {
        return !configuredElsewhere && !timeouts.contains(Timeout.READ) && !timeouts.contains(Timeout.RESPONSE)
                && !timeouts.contains(Timeout.CALL);
    }
}
