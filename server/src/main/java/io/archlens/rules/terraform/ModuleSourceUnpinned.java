package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Modules from git without {@code ?ref=} (or on a branch), and registry modules without {@code version}. */
public final class ModuleSourceUnpinned implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/module-source-unpinned",
            "Module source is not pinned to a version", Severity.WARNING, Category.RELIABILITY, FileKind.TERRAFORM);

    private static final Pattern REGISTRY = Pattern.compile(
            "([a-z0-9.-]+\\.[a-z]{2,}/)?[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+(//.*)?");
    private static final Pattern REF = Pattern.compile("[?&]ref=([^&]*)");
    private static final Pattern MOVING = Pattern.compile("(?i)main|master|head|develop|dev|trunk|latest");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock m : f.blocks("module")) {
            HclExpr src = m.value("source");
            String s = Tf.str(src);
            if (s == null || s.startsWith("./") || s.startsWith("../") || s.startsWith("/")) {
                continue;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            boolean git = lower.startsWith("git::") || lower.startsWith("git@") || lower.startsWith("github.com/")
                    || lower.startsWith("bitbucket.org/") || lower.startsWith("hg::")
                    || lower.contains(".git") && !lower.startsWith("http");
            if (git) {
                Matcher r = REF.matcher(s);
                if (!r.find()) {
                    ctx.report(src.range(), "Module " + m.label(0) + " follows the default branch of " + s
                            + ": every init can bring different code; add ?ref=<tag or commit>");
                } else if (MOVING.matcher(r.group(1)).matches()) {
                    ctx.report(src.range(), "Module " + m.label(0) + " is pinned to the branch '" + r.group(1)
                            + "', which moves; pin a tag or a commit SHA");
                }
            } else if (REGISTRY.matcher(s).matches() && !lower.startsWith("http") && m.value("version") == null) {
                ctx.report(src.range(), "Registry module " + s + " has no version argument: the newest release"
                        + " (possibly a breaking major) is used on the next init; add version = \"~> X.Y\"");
            }
        }
    }
}
