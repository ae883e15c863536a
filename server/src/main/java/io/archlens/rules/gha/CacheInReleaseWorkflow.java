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
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build caches restored in workflows that publish releases (triggered by releases or tags, or with a publishing
 * step): a cache written by any earlier run of the repository, a pull request's included, flows into the release.
 */
public final class CacheInReleaseWorkflow implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/cache-in-release-workflow",
            "Release workflow restores a build cache", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    /** Caching actions: owner/repo, the input that switches caching (or null), on when the input is absent. */
    private record Cacher(String action, String input, boolean byDefault, boolean inputDisables) {
    }

    private static final Cacher[] CACHERS = {new Cacher("actions/cache", null, true, false),
        new Cacher("actions/cache/restore", null, true, false), new Cacher("swatinem/rust-cache", "lookup-only", true, true),
        new Cacher("actions/setup-go", "cache", true, false), new Cacher("astral-sh/setup-uv", "enable-cache", true, false),
        new Cacher("mozilla-actions/sccache-action", null, true, false),
        new Cacher("docker/setup-buildx-action", "cache-binary", true, false),
        new Cacher("ramsey/composer-install", "ignore-cache", true, true),
        new Cacher("pyo3/maturin-action", "sccache", false, false), new Cacher("actions/setup-node", "cache", false, false),
        new Cacher("actions/setup-python", "cache", false, false), new Cacher("actions/setup-java", "cache", false, false),
        new Cacher("actions/setup-dotnet", "cache", false, false)};
    private static final Pattern TAG_GUARD = Pattern.compile("refs/tags|ref_type|event_name\\s*==\\s*'release'");
    private static final Pattern MAJOR = Pattern.compile("@v(\\d+)|#\\s*v(\\d+)");
    private static final String[] PUBLISH_ACTIONS = {"pypa/gh-action-pypi-publish", "softprops/action-gh-release",
        "rubygems/release-gem", "goreleaser/goreleaser-action", "ncipollo/release-action"};

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite()) {
            return;
        }
        String why = releaseTrigger(w);
        for (Job j : w.jobs()) {
            String jobWhy = why != null ? why : publishes(j) ? "job " + j.id() + " publishes" : null;
            if (jobWhy == null) {
                continue;
            }
            for (Step s : j.steps()) {
                if (caches(ctx.text(), s, releaseBranch(w))) {
                    ctx.report(s.uses().range(), s.uses().value().replaceAll("@.*", "") + " restores a build cache in"
                            + " a workflow that publishes (" + jobWhy + "): caches are shared by every run of the"
                            + " repository, so one written by a pull request or another branch's run can inject code"
                            + " into the release artifacts; build releases without caches (or disable them on tags)");
                }
            }
        }
    }

    private static String releaseTrigger(Workflow w) {
        if (w.triggeredBy("release")) {
            return "on: release";
        }
        if (w.on() != null && w.on().value() instanceof YMap on && on.get("push") instanceof YMap push) {
            if (push.get("tags") != null) {
                return "on: push tags";
            }
            YNode branches = push.get("branches");
            if (branches != null && String.valueOf(branches.text()).toLowerCase(Locale.ROOT).contains("release")
                    || branches instanceof io.archlens.syntax.yaml.YSeq seq && seq.items().stream()
                            .anyMatch(b -> String.valueOf(b.text()).toLowerCase(Locale.ROOT).contains("release"))) {
                return "on: push to a release branch";
            }
        }
        return null;
    }

    /** A push to a branch named like a release triggers the workflow (a tag guard does not cover it). */
    private static boolean releaseBranch(Workflow w) {
        if (w.on() != null && w.on().value() instanceof YMap on && on.get("push") instanceof YMap push) {
            YNode branches = push.get("branches");
            return branches != null && String.valueOf(branches.text()).toLowerCase(Locale.ROOT).contains("release")
                    || branches instanceof io.archlens.syntax.yaml.YSeq seq && seq.items().stream()
                            .anyMatch(b -> String.valueOf(b.text()).toLowerCase(Locale.ROOT).contains("release"));
        }
        return false;
    }

    private static boolean publishes(Job j) {
        for (Step s : j.steps()) {
            for (String a : PUBLISH_ACTIONS) {
                if (s.usesAction(a)) {
                    return true;
                }
            }
            if (s.run() != null && Gha.PUBLISH.matcher(s.run().value()).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean caches(String text, Step s, boolean releaseBranch) {
        if (s.uses() == null) {
            return false;
        }
        for (Cacher c : CACHERS) {
            if (!s.usesAction(c.action()) || c.action().equals("actions/cache") && s.usesAction("actions/cache/save")) {
                continue;
            }
            YNode in = c.input() == null ? null : s.withNode(c.input());
            if (in == null) {
                if (c.action().equals("actions/setup-node")) {
                    return major(text, s) >= 5 && !"false".equals(s.with("package-manager-cache"));
                }
                return c.byDefault();
            }
            String v = in instanceof YScalar sc ? sc.value().strip().toLowerCase(Locale.ROOT) : "";
            if (v.contains("${{")) {
                String x = v.replace(" ", "").replace('"', '\'');
                boolean onlyOnTags = !x.contains("!startswith") && !x.contains("!=") && !x.contains("!(")
                        && (x.contains("startswith(github.ref,'refs/tags") || x.contains("ref_type=='tag'"));
                // enabled for tags, not guarded at all, or guarded on tags while a release branch publishes too
                return onlyOnTags || releaseBranch || !TAG_GUARD.matcher(v).find();
            }
            boolean truthy = !(v.isEmpty() || v.equals("false") || v.equals("0") || v.equals("no"));
            return c.inputDisables() != truthy;
        }
        return false;
    }

    /** The major version a step's ref or its trailing comment names (0 when unknown). */
    private static int major(String text, Step s) {
        int start = s.uses().range().start();
        int eol = text.indexOf('\n', start);
        Matcher m = MAJOR.matcher(text.substring(start, eol < 0 ? text.length() : eol));
        return m.find() ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) : 0;
    }
}
