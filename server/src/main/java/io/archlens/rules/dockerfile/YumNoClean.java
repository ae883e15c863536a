package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Word;

/** yum/dnf/microdnf/zypper install without a clean in the same RUN, in a stage that ships. */
final class YumNoClean implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("yum-no-clean", "yum/dnf/zypper metadata and cache left in the image",
            Severity.INFO, Category.PERFORMANCE);

    /** Subcommands that download packages, with dnf's abbreviations. */
    private static final String[] INSTALLS = {"install", "in", "groupinstall", "localinstall", "reinstall", "rei",
        "upgrade", "up", "update", "upgrade-minimal", "up-min"};

    private static final String[] ZYPPER_INSTALLS = {"install", "in", "update", "up", "dist-upgrade", "dup", "patch",
        "source-install", "si"};

    /** yum and dnf share a cache (yum is dnf on current RHEL); microdnf and zypper clean only their own. */
    private static boolean sameFamily(String install, String clean) {
        return install.equals(clean) || install.matches("yum|dnf") && clean.matches("yum|dnf");
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.runs(d.shippedStages())) {
            if (Docker.removes(run, "/var/cache/yum", "/var/cache/dnf", "/var/cache/microdnf", "/var/cache/zypp")
                    || Docker.outOfLayer(run, "/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5",
                    "/var/cache/zypp")) {
                continue;
            }
            // a clean counts only after the install it cleans up (dnf clean all && dnf install leaves the cache)
            ShellCommand pending = null;
            Word pendingWord = null;
            for (ShellCommand c : run.commands()) {
                if ((Docker.yum(c, "clean") != null || Docker.zypper(c, "clean", "cc") != null)
                        && (pending == null || sameFamily(pending.name(), c.name()))) {
                    pending = null;
                    pendingWord = null;
                    continue;
                }
                Word install = c.name().equals("zypper") ? Docker.zypper(c, ZYPPER_INSTALLS) : Docker.yum(c, INSTALLS);
                if (install != null && pending == null) {
                    pending = c;
                    pendingWord = install;
                }
            }
            if (pending != null) {
                ctx.report(Docker.span(pending, pendingWord), pending.name() + " " + pendingWord.text()
                        + " leaves repository metadata and cached packages (often 100+ MB) in this layer; end the same"
                        + " RUN with && " + pending.name() + (pending.name().equals("zypper") ? " clean" : " clean all"));
            }
        }
    }
}
