package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YScalar;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code uses:} of an action release inside the affected range of a published advisory, read from the tag
 * ({@code @v45.0.1}, {@code @v45}) or, for a SHA, from the version comment after it. ArchLens works offline: the
 * table is a small one of its own (checked in 2025, see the doc page), not the advisory database.
 */
public final class KnownVulnerableAction implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/known-vulnerable-action",
            "Action version with a published advisory", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    /** owner/repo, first affected version, first fixed version, advisory and what it allows. */
    private record Advisory(String repo, int[] from, int[] fixed, String id, String what) {
    }

    private static final List<Advisory> ADVISORIES = List.of(
            new Advisory("tj-actions/changed-files", new int[] {0}, new int[] {46, 0, 1}, "CVE-2025-30066",
                    "its tags were pointed at code that printed the runner's secrets to the log"),
            new Advisory("tj-actions/branch-names", new int[] {0}, new int[] {7, 0, 7}, "CVE-2023-49291",
                    "a crafted branch name runs commands in the job"),
            new Advisory("actions/download-artifact", new int[] {4}, new int[] {4, 1, 7}, "CVE-2024-42471",
                    "a crafted artifact writes files outside the target folder"));

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?$");
    private static final Pattern COMMENT_VERSION = Pattern.compile("^[ \\t]*#[ \\t]*(?:tag[:=]?[ \\t]*)?(v?\\d+(?:\\.\\d+){0,2})\\b");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (YScalar u : Gha.uses(w)) {
            String repo = Gha.ownerRepo(u.value());
            if (repo == null) {
                continue;
            }
            String ref = u.value().substring(u.value().lastIndexOf('@') + 1).strip();
            if (UnpinnedAction.SHA.matcher(ref).matches()) {
                int eol = ctx.text().indexOf('\n', u.range().end());
                Matcher c = COMMENT_VERSION.matcher(ctx.text().substring(u.range().end(),
                        eol < 0 ? ctx.text().length() : eol));
                ref = c.find() ? c.group(1) : null;
            }
            int[] v = ref == null ? null : parse(ref);
            if (v == null) {
                continue;
            }
            for (Advisory a : ADVISORIES) {
                if (a.repo().equals(repo) && compare(v, a.from()) >= 0 && compare(v, a.fixed()) < 0) {
                    ctx.report(u.range(), repo + " " + ref + " is affected by " + a.id() + ": " + a.what()
                            + "; upgrade to " + String.join(".", java.util.Arrays.stream(a.fixed())
                                    .mapToObj(String::valueOf).toList()) + " or later (pinned by SHA)");
                    break;
                }
            }
        }
    }

    /** major, minor, patch; a missing part of a moving tag (v45) means its newest release (MAX_VALUE). */
    static int[] parse(String ref) {
        Matcher m = VERSION.matcher(ref);
        if (!m.matches()) {
            return null;
        }
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            v[i] = m.group(i + 1) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(i + 1));
        }
        return v;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            int x = a[i];
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
