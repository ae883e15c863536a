package io.archlens.model;

import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import java.util.List;

/** How a {@link ProjectRule} reports: a finding at one location, with related locations in other files. */
public interface ProjectReporter {
    /** Reports at {@code at} (its file receives the finding); {@code related} point at the other files involved. */
    void report(Loc at, String message, List<Related> related, Fix... fixes);

    /**
     * Reports at most as a warning: for a finding that rests on an inferred value (an image's usual port, pods an
     * operator probably creates). The message must state the assumption.
     */
    void warn(Loc at, String message, List<Related> related, Fix... fixes);

    /**
     * Says that a check could not be decided because the project context lacks {@code field} (a key under
     * {@code context:} in .archlens.yml). The engine turns all such needs into one {@code arch/missing-context}
     * information finding. {@code where} is the fact the check was looking at.
     */
    void needContext(String field, Loc where);
}
