package io.archlens.agent;

import io.archlens.agent.provider.Failure;
import io.archlens.agent.provider.Usage;
import io.archlens.analysis.Finding;
import java.util.List;

/**
 * The outcome of one review. {@code status} OK carries findings (possibly none); SKIPPED says why the file
 * was not sent; FAILED carries the failure kind and a message fit for the user.
 */
public record ReviewResult(Status status, List<Finding> findings, Failure failure, String message, boolean fromCache,
        Usage usage) {

    public enum Status { OK, SKIPPED, FAILED, CANCELLED }

    public ReviewResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static ReviewResult ok(List<Finding> findings, boolean fromCache, Usage usage) {
        return new ReviewResult(Status.OK, findings, null, findings.size() + " agent finding(s)"
                + (fromCache ? " (cached)" : ""), fromCache, usage);
    }

    public static ReviewResult skipped(String why) {
        return new ReviewResult(Status.SKIPPED, List.of(), null, why, false, Usage.NONE);
    }

    public static ReviewResult failed(Failure f, String message) {
        if (f == Failure.CANCELLED) {
            return cancelled();
        }
        return new ReviewResult(Status.FAILED, List.of(), f, message, false, Usage.NONE);
    }

    public static ReviewResult cancelled() {
        return new ReviewResult(Status.CANCELLED, List.of(), Failure.CANCELLED, "cancelled", false, Usage.NONE);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
