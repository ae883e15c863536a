package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.gha.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Job containers and service containers without a tag or digest, or on {@code latest}. */
public final class UnpinnedContainerImage implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/unpinned-container-image",
            "Container image is not pinned", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Gha.Container c : Gha.containers(w)) {
            check(c.node(), c.label(), c.job(), ctx);
        }
    }

    private static final Pattern MATRIX_IMAGE = Pattern.compile(
            "^\\$\\{\\{\\s*matrix\\.([A-Za-z_][\\w-]*)\\s*(?:\\|\\|\\s*''\\s*)?}}$");

    private static void check(YNode container, String where, Job job, RuleContext ctx) {
        YNode image = container instanceof YMap c ? c.get("image") : container;
        if (!(image instanceof YScalar s) || s.value().isBlank()) {
            return;
        }
        String v = s.value().strip();
        Matcher m = MATRIX_IMAGE.matcher(v);
        if (m.matches()) {
            for (YNode value : matrixValues(job, m.group(1))) {
                String u = value.text() == null ? null : unpinned(value.text().strip());
                if (u != null) {
                    ctx.report(s.range(), "The image of " + where + " comes from the matrix, and one of its values ("
                            + value.text().strip() + ") is " + u + ": every run pulls whatever the tag points to now;"
                            + " pin a version tag, better a digest (@sha256:...)");
                    return;
                }
            }
            return;
        }
        String u = v.contains("${{") ? null : unpinned(v);
        if (u != null) {
            ctx.report(s.range(), "The image of " + where + " (" + v + ") is " + u
                    + ": every run pulls whatever the tag points to now, so a compromised or changed image runs with"
                    + " the job's token and secrets; pin a version tag, better a digest (@sha256:...)");
        }
    }

    /** "not pinned" or "on latest" for an image reference, null when it has a version tag or digest (or is empty). */
    private static String unpinned(String v) {
        if (v.isEmpty() || v.contains("@sha256:") || v.contains("${{")) {
            return null;
        }
        int slash = v.lastIndexOf('/');
        int colon = v.lastIndexOf(':');
        String tag = colon > slash ? v.substring(colon + 1) : null;
        return tag == null ? "not pinned" : tag.equalsIgnoreCase("latest") ? "on latest" : null;
    }

    /** The values a matrix key takes: its dimension's items and the include entries setting it. */
    private static List<YNode> matrixValues(Job job, String key) {
        List<YNode> out = new ArrayList<>();
        if (!(job.map().at("strategy", "matrix") instanceof YMap m)) {
            return out;
        }
        if (m.get(key) instanceof YSeq dim) {
            out.addAll(dim.items());
        } else if (m.get(key) instanceof YScalar one) {
            out.add(one);
        }
        if (m.get("include") instanceof YSeq inc) {
            for (YNode item : inc.items()) {
                if (item instanceof YMap im && im.get(key) instanceof YScalar sc) {
                    out.add(sc);
                }
            }
        }
        return out;
    }
}
