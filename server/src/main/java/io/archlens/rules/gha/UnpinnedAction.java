package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YScalar;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Third-party actions and reusable workflows referenced by a tag or branch instead of a full commit SHA.
 * GitHub's own {@code actions/*} and {@code github/*} are reported by {@link UnpinnedFirstPartyAction}.
 */
public final class UnpinnedAction implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/unpinned-action",
            "Third-party action is not pinned to a commit SHA", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        forEachUnpinned(w, false, s -> {
            String v = s.value().strip();
            String ref = v.substring(v.lastIndexOf('@') + 1);
            if (v.startsWith("docker://")) {
                ctx.report(Gha.valueRange(ctx.text(), s), "Container action " + v + " is not pinned by digest: the tag can be pushed"
                        + " again with different content; use image@sha256:<digest>");
            } else {
                ctx.report(Gha.valueRange(ctx.text(), s), (v.contains("/.github/workflows/") ? "Reusable workflow " : "Action ")
                        + v.substring(0, v.lastIndexOf('@')) + " is referenced by '" + ref
                        + "', which its owner (or whoever takes over the account) can move to new code that runs"
                        + " with this job's token and secrets; pin the full commit SHA (keep the tag in a comment)");
            }
        });
    }

    /** Calls {@code report} for every unpinned {@code uses:}, first-party ones only or third-party ones only. */
    static void forEachUnpinned(Workflow w, boolean firstParty, Consumer<YScalar> report) {
        for (Job j : w.jobs()) {
            if (j.get("uses") instanceof YScalar s) {
                check(s, firstParty, report);
            }
            for (Step st : j.steps()) {
                YScalar u = st.uses();
                if (u != null) {
                    check(u, firstParty, report);
                }
            }
        }
    }

    private static void check(YScalar s, boolean firstParty, Consumer<YScalar> report) {
        String v = s.value().strip();
        if (v.isEmpty() || v.startsWith("./") || v.startsWith("$/") || v.contains("${{")) {
            return;
        }
        if (v.startsWith("docker://")) {
            if (!firstParty && !v.contains("@sha256:")) {
                report.accept(s);
            }
            return;
        }
        int at = v.lastIndexOf('@');
        int slash = v.indexOf('/');
        if (at < 0 || slash <= 0 || slash > at) {
            return; // not owner/repo@ref: invalid, GitHub rejects it
        }
        String owner = v.substring(0, Math.max(0, v.indexOf('/'))).toLowerCase(Locale.ROOT);
        boolean first = owner.equals("actions") || owner.equals("github");
        if (first != firstParty) {
            return;
        }
        if (!SHA.matcher(v.substring(at + 1)).matches()) {
            report.accept(s);
        }
    }

}
