package io.archlens.agent;

import io.archlens.analysis.Finding;
import java.util.List;

/**
 * How the coordinator reports back. The LSP layer turns these into diagnostics publishes, work-done
 * progress and {@code window/showMessage}; nothing here depends on LSP types. Calls come from agent threads.
 */
public interface AgentListener {
    /** The agent's validated findings for this document version (possibly empty: clears older ones). */
    void findings(String uri, int version, List<Finding> findings);

    /** A review that will call the provider has started. */
    default void progressBegin(String token, String uri, String title) {
    }

    /** That review has finished (with findings, failed, or was cancelled); {@code message} says which. */
    default void progressEnd(String token, String message) {
    }

    /** Something the user should see once (circuit breaker opened, budget spent). */
    default void notice(String message) {
    }

    /** A review finished without findings to deliver (skipped, failed, cancelled). */
    default void reviewFailed(String uri, int version, ReviewResult result) {
    }
}
