package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Word;
import java.util.List;
import java.util.Set;

/** {@code npm install} (no package names) in an image build, where {@code npm ci} installs the lockfile exactly. */
final class NpmInstall implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("npm-install", "npm install used where npm ci belongs",
            Severity.WARNING, Category.RELIABILITY).withFix();
    static final Set<String> INSTALL = Set.of("install", "i", "in", "isntall");
    static final Set<String> VALUE_OPTS = Set.of("--loglevel", "--registry", "--prefix", "--cache", "--userconfig",
            "--omit", "--include", "--only", "--workspace", "-w", "--tag", "--fetch-retries", "--fetch-timeout",
            "--install-strategy", "--script-shell");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** The {@code install} word of a whole-project {@code npm install}, or null. */
    static Word projectInstall(ShellCommand c) {
        if (!c.name().equals("npm")) {
            return null;
        }
        Word sub = Docker.subcommand(c, VALUE_OPTS);
        if (sub == null || !INSTALL.contains(sub.text())) {
            return null;
        }
        if (c.hasOption("-g", "--global", "--location=global")) {
            return null;
        }
        List<Word> operands = Docker.operands(c, sub, VALUE_OPTS);
        return operands.isEmpty() ? sub : null;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.allRuns(d)) {
            for (ShellCommand c : run.commands()) {
                Word install = projectInstall(c);
                if (install == null) {
                    continue;
                }
                ctx.report(Docker.span(c, install), "npm install resolves versions again and may rewrite "
                        + "package-lock.json, so two builds of the same commit can differ; use npm ci, which "
                        + "installs exactly the lockfile and fails when it is out of date",
                        Fix.unsafe("Use npm ci (needs a committed package-lock.json)",
                                Edit.replace(install.range(), "ci")));
            }
        }
    }
}
