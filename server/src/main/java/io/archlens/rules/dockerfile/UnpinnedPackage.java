package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** OS or language packages installed without a version: one finding per RUN, naming what floats. */
final class UnpinnedPackage implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("unpinned-package", "Packages installed without a version",
            Severity.INFO, Category.RELIABILITY);

    private static final Map<String, String> HOW = Map.of(
            "apt", "name=version", "apk", "name=version", "yum", "name-version", "dnf", "name-version",
            "microdnf", "name-version", "zypper", "name=version", "pip", "name==version", "npm", "name@version",
            "gem", "name:version", "go", "path@vX.Y.Z");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.allRuns(d)) {
            PackagePins.Install first = null;
            List<String> names = new ArrayList<>();
            for (ShellCommand c : run.commands()) {
                PackagePins.Install i = PackagePins.of(c);
                if (i == null) {
                    continue;
                }
                if (first == null) {
                    first = i;
                }
                names.addAll(i.unpinned());
            }
            if (first == null) {
                continue;
            }
            String shown = String.join(", ", names.subList(0, Math.min(3, names.size())))
                    + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
            ctx.report(Docker.span(first.command(), first.sub()), "Installed without a version: " + shown
                    + "; a rebuild picks up whatever is newest that day, so two builds of one commit can differ; pin "
                    + "versions (" + HOW.getOrDefault(first.manager(), "name=version") + ") or install from a lock file");
        }
    }
}
