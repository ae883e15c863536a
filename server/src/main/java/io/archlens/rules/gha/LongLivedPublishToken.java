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

/** Package publishing with a stored token where the registry supports OIDC trusted publishing. */
public final class LongLivedPublishToken implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/long-lived-publish-token",
            "Package is published with a long-lived token", Severity.INFO, Category.SECURITY, FileKind.GITHUB_ACTIONS);
    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            boolean oidc = idToken(w, j);
            for (Step s : j.steps()) {
                io.archlens.core.TextRange r = oidc ? null : Gha.find(ctx.text(), s.run(), Gha.PUBLISH);
                if (r == null && explicitToken(s)) {
                    r = s.uses().range(); // a token passed by name is used even where OIDC is granted
                }
                if (r != null) {
                    ctx.report(r, "This publishes with a stored registry token: it does not expire, works from"
                            + " anywhere and leaks with any step that can read it. PyPI, npm, crates.io, RubyGems and"
                            + " NuGet accept GitHub's OIDC token instead (trusted publishing): grant id-token: write"
                            + " and drop the token (assumes the registry project can be configured for it)");
                }
            }
        }
    }

    /** Publishing actions given a stored token for a registry that supports trusted publishing. */
    private static boolean explicitToken(Step s) {
        if (s.usesAction("pypa/gh-action-pypi-publish") && s.withNode("password") != null) {
            String url = s.with("repository-url") != null ? s.with("repository-url") : s.with("repository_url");
            return url == null || url.contains("pypi.org");
        }
        if (s.usesAction("rubygems/release-gem")) {
            return "false".equals(s.with("setup-trusted-publisher"));
        }
        if (s.usesAction("rubygems/configure-rubygems-credentials") && s.withNode("api-token") != null) {
            String server = s.with("gem-server");
            return server == null || server.contains("rubygems.org");
        }
        return false;
    }

    private static boolean idToken(Workflow w, Job j) {
        for (YNode p : new YNode[] {j.get("permissions"), w.root() == null ? null : w.root().get("permissions")}) {
            if (p instanceof YMap m) {
                return "write".equals(m.getText("id-token"));
            }
            if (p instanceof YScalar s) {
                return s.value().strip().equals("write-all");
            }
        }
        return false;
    }
}
