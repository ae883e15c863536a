package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.code.ConfigRead;
import io.archlens.model.CodeView;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code a workload runs reads an environment variable without a default, and nothing sets it for that workload:
 * not its Compose {@code environment}/{@code env_file}, not its Kubernetes {@code env} or the ConfigMaps and
 * Secrets it loads, not the Dockerfile's {@code ENV}. A variable the code gives a default or tests for anywhere is
 * one it is ready to miss. Reported on the workload's definition, with the reads. Test
 * runners are left alone ({@link TestRunners}): the code they run is not the application code under their context.
 */
public final class EnvNotProvided implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/env-not-provided",
            "The code reads an environment variable that nothing sets for the workload running it", Severity.ERROR,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            if (!CodeView.hasCode(n) || n.main() == null || TestRunners.runsTests(n)) {
                continue;
            }
            Map<String, List<CodeView.At<ConfigRead>>> reads = new LinkedHashMap<>();
            java.util.Set<String> optional = new java.util.HashSet<>();
            for (CodeView.At<ConfigRead> r : CodeView.reads(n)) {
                ConfigRead c = r.fact();
                if (!"env".equals(c.source()) || c.key() == null || c.key().isBlank()) {
                    continue;
                }
                if (c.fallback() == null) {
                    reads.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(r);
                } else {
                    optional.add(c.key()); // somewhere the code gives it a default or checks for it
                }
            }
            reads.keySet().removeAll(optional);
            if (reads.isEmpty()) {
                continue;
            }
            Provided p = Provided.of(model, n);
            if (!p.complete) {
                continue; // an env file or object the workspace does not hold may set it
            }
            List<String> missing = new ArrayList<>();
            List<Related> rel = new ArrayList<>();
            for (Map.Entry<String, List<CodeView.At<ConfigRead>>> e : reads.entrySet()) {
                String name = e.getKey();
                if (p.has(name) || commandSets(n, name)) {
                    continue;
                }
                missing.add(name);
                for (CodeView.At<ConfigRead> r : e.getValue()) {
                    rel.add(r.loc().related("reads " + name + " without a default"));
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String names = String.join(", ", missing);
            out.report(n.workload().nameLoc(), n.label() + " runs code that reads the environment variable"
                    + (missing.size() == 1 ? " " : "s ") + names + " without a default (" + reads.get(missing.get(0))
                    .get(0).loc().display() + ") but nothing sets " + (missing.size() == 1 ? "it" : "them")
                    + " for this workload (" + String.join(", ", p.sources) + "); the read gets no value at runtime, set "
                    + names + " for " + n.name() + " or give the read a default", rel);
        }
    }

    /** {@code command: env FOO=bar ...} or {@code FOO=bar ./run}: the command line sets it. */
    private static boolean commandSets(Node n, String name) {
        String cmd = n.main().commandLine();
        return cmd != null && cmd.contains(name + "=");
    }
}
