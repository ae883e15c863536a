package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YScalar;
import java.util.Map;
import java.util.Set;

/**
 * {@code uses:} of {@code owner/repo} where the owner is one typo away from the owner of a well-known action of
 * the same name ({@code action/checkout}, {@code dokcer/login-action}): such accounts are registered to catch the
 * typo, and the action then runs with the job's token and secrets. Only the owner is compared, and only with
 * repositories the well-known owner really publishes, so a different action of a similar name is not reported.
 */
public final class TyposquatAction implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/typosquat-action",
            "Action owner is one typo away from a well-known one", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    /** Well-known owners and the action repositories they publish. */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "actions", Set.of("checkout", "setup-node", "setup-python", "setup-java", "setup-go", "setup-dotnet",
                    "cache", "upload-artifact", "download-artifact", "github-script", "labeler", "stale",
                    "create-github-app-token", "configure-pages", "deploy-pages", "upload-pages-artifact",
                    "attest-build-provenance", "dependency-review-action"),
            "docker", Set.of("login-action", "build-push-action", "setup-buildx-action", "setup-qemu-action",
                    "metadata-action", "bake-action"),
            "github", Set.of("codeql-action", "super-linter"),
            "aws-actions", Set.of("configure-aws-credentials", "amazon-ecr-login",
                    "amazon-ecs-deploy-task-definition", "amazon-ecs-render-task-definition"),
            "google-github-actions", Set.of("auth", "setup-gcloud", "deploy-cloudrun", "get-gke-credentials"),
            "hashicorp", Set.of("setup-terraform", "vault-action"),
            "codecov", Set.of("codecov-action"),
            "pypa", Set.of("gh-action-pypi-publish"),
            "softprops", Set.of("action-gh-release"),
            "peter-evans", Set.of("create-pull-request", "create-or-update-comment"));

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
            String owner = repo.substring(0, repo.indexOf('/'));
            String name = repo.substring(repo.indexOf('/') + 1);
            for (Map.Entry<String, Set<String>> k : KNOWN.entrySet()) {
                if (!k.getKey().equals(owner) && k.getValue().contains(name) && oneTypo(owner, k.getKey())) {
                    ctx.report(u.range(), repo + " looks like a typo of " + k.getKey() + "/" + name + ": an account"
                            + " one letter away from a popular owner may be a typosquat whose code runs with this"
                            + " job's token and secrets; check the owner and correct it");
                    break;
                }
            }
        }
    }

    /** One insertion, deletion, substitution (including look-alike digits) or swap of neighbours apart. */
    static boolean oneTypo(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1 || Math.min(a.length(), b.length()) < 4) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    diffs++;
                    first = first < 0 ? i : first;
                }
            }
            if (diffs == 1) {
                return true;
            }
            return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first)
                    && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String s = a.length() < b.length() ? a : b;
        String l = a.length() < b.length() ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) {
            i++;
        }
        return s.substring(i).equals(l.substring(i + 1));
    }
}
