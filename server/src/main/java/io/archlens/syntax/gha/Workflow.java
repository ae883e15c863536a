package io.archlens.syntax.gha;

import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import java.util.List;
import java.util.Set;

/**
 * A GitHub Actions workflow: the YAML stream, the root mapping (null when absent), the trigger event names
 * from {@code on:}, and the jobs in source order. {@code edits} builds fixes in the file's own style.
 * {@code composite}: a composite action's metadata file, whose single job {@code runs} holds the action's steps
 * (it has no triggers, permissions, runners or timeouts of its own: the job-level rules leave it alone).
 * A {@code .github/dependabot.yml} is read with the same model: no jobs, and {@link #dependabot()} is true.
 */
public record Workflow(YamlFile yaml, YMap root, YEntry on, Set<String> triggers, List<Job> jobs, YamlEdits edits,
        boolean composite) {
    public Workflow {
        triggers = Set.copyOf(triggers);
        jobs = List.copyOf(jobs);
    }

    public boolean triggeredBy(String event) {
        return triggers.contains(event);
    }

    /** Triggers that run with a fork's code or data and the base repository's privileges or runners. */
    public boolean untrustedTrigger() {
        return triggeredBy("pull_request_target") || triggeredBy("workflow_run") || triggeredBy("issue_comment")
                || triggeredBy("issues") || triggeredBy("pull_request_review_comment")
                || triggeredBy("discussion") || triggeredBy("discussion_comment");
    }

    /** Dependabot's configuration ({@code version:} and {@code updates:}, no jobs). */
    public boolean dependabot() {
        return root != null && !composite && root.get("updates") instanceof io.archlens.syntax.yaml.YSeq
                && !root.has("jobs");
    }

    public YEntry entry(String key) {
        return root == null ? null : root.entry(key);
    }
}
