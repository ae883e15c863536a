package io.archlens.cli;

import io.archlens.analysis.Profile;
import io.archlens.analysis.Profiles;
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

/** {@code archlens rules}: every rule with its severity, category, profile and whether it has a fix. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule.")
public final class RulesCommand implements Callable<Integer> {
    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only the rules of one kind: docker (dockerfile), compose, k8s (kubernetes), nginx, spring,"
                    + " env (dotenv), sql, openapi (swagger), gha (github-actions), tf (terraform), arch, config.")
    String kind;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Only the rules that run in a profile: essential, recommended or strict.")
    String profile;

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
        Profile only = profile == null ? Profile.STRICT : Profile.parse(profile).orElse(null);
        if (only == null) {
            spec.commandLine().getErr().println("archlens: unknown profile '" + profile
                    + "'; use essential, recommended or strict");
            return 2;
        }
        List<RuleMeta> rules = new ArrayList<>(RuleBook.loadDefault().allRules());
        rules.sort(Comparator.comparing(RuleMeta::id));
        int w = rules.stream().mapToInt(m -> m.id().length()).max().orElse(10);
        String row = "%-" + w + "s  %-8s %-16s %-12s %-4s %s";
        out.println(String.format(row, "RULE", "SEVERITY", "CATEGORY", "PROFILE", "FIX", "TITLE"));
        int[] perProfile = new int[Profile.values().length];
        for (RuleMeta m : rules) {
            Profile level = Profiles.of(m);
            if (prefix != null && !m.id().startsWith(prefix + "/") || !only.includes(level)) {
                continue;
            }
            perProfile[level.ordinal()]++;
            out.println(String.format(row, m.id(), m.defaultSeverity().label(), m.category().label(), level.id(),
                    m.fixable() ? "yes" : "", m.title()));
        }
        int n = 0;
        List<String> counts = new ArrayList<>();
        for (Profile p : Profile.values()) {
            n += perProfile[p.ordinal()];
            if (only.includes(p)) {
                counts.add(p.id() + " " + n);
            }
        }
        out.println(n + " rules (" + String.join(", ", counts) + ")");
        return 0;
    }
}
