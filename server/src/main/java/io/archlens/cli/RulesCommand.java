package io.archlens.cli;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleMeta;
import io.archlens.filekind.KindNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archlens rules}: every rule with its severity, category and whether it has a fix. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule.")
public final class RulesCommand implements Callable<Integer> {
    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only the rules of one kind: docker (dockerfile), compose, k8s (kubernetes), nginx, spring,"
                    + " env (dotenv), sql, openapi (swagger), gha (github-actions), tf (terraform), arch, config.")
    String kind;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String prefix = kind == null ? null : KindNames.rulePrefix(kind).orElse(null);
        if (kind != null && prefix == null) {
            spec.commandLine().getErr().println("archlens: unknown kind '" + kind + "'; use one of: "
                    + String.join(", ", KindNames.names()));
            return 2;
        }
        List<RuleMeta> rules = new ArrayList<>(RuleBook.loadDefault().allRules());
        rules.sort(Comparator.comparing(RuleMeta::id));
        int w = rules.stream().mapToInt(m -> m.id().length()).max().orElse(10);
        out.println(String.format("%-" + w + "s  %-8s %-16s %-4s %s", "RULE", "SEVERITY", "CATEGORY", "FIX", "TITLE"));
        int n = 0;
        for (RuleMeta m : rules) {
            if (prefix != null && !m.id().startsWith(prefix + "/")) {
                continue;
            }
            n++;
            out.println(String.format("%-" + w + "s  %-8s %-16s %-4s %s", m.id(), m.defaultSeverity().label(),
                    m.category().label(), m.fixable() ? "yes" : "", m.title()));
        }
        out.println(n + " rules");
        return 0;
    }
}
