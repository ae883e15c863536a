package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.ImageRef;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.List;

/** The final image runs as root: no USER, or the last USER is root. Only the final stage matters. */
final class RootUser implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("root-user", "The final image runs as root", Severity.WARNING,
            Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        Stage f = d.finalStage();
        if (f == null || Docker.isWindows(d, f) || Docker.devEnvironment(ctx)) {
            return; // (a dev container's user is its tooling's choice)
        }
        Instruction user = f.lastInherited("USER");
        if (user != null) {
            List<Word> w = user.words();
            if (w.isEmpty()) {
                return;
            }
            String name = w.get(0).text();
            int colon = name.indexOf(':');
            String u = colon < 0 ? name : name.substring(0, colon);
            if (u.equals("root") || u.equals("0")) {
                ctx.report(w.get(0).range(), "The last USER is " + u + ", so the application runs as root in the "
                        + "container: a compromise gets root on the container (and the host if it escapes); switch "
                        + "to a non-root user (e.g. USER 10001 or a user you create) before CMD");
            }
            return;
        }
        ImageRef base = f.rootImage();
        if (base == null || !base.isResolved() || runsAsNonRootByDefault(base)) {
            return;
        }
        String hint = base.key().equals("nginx") ? " (for nginx, base on nginxinc/nginx-unprivileged, which runs as "
                + "nginx and listens on 8080)" : "";
        ctx.report(f.from().keywordRange(), "The final stage never sets USER, so the application runs as root: "
                + "a compromise gets root in the container; create an unprivileged user and add USER before CMD"
                + hint);
    }

    /** Images documented to default to a non-root user. */
    static boolean runsAsNonRootByDefault(ImageRef img) {
        String key = img.key();
        String tag = img.tag() == null ? "" : img.tag();
        return tag.contains("nonroot") || key.startsWith("cgr.dev/chainguard/") || key.contains("unprivileged")
                || key.startsWith("bitnami/");
    }
}
