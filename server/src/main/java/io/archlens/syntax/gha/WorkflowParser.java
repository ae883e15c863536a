package io.archlens.syntax.gha;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the workflow model over the YAML model: a workflow's jobs, or the steps of a composite action
 * ({@code action.yml} with {@code runs: using: composite}) as one job named {@code runs}. Never throws.
 */
public final class WorkflowParser {
    private WorkflowParser() {
    }

    public static Parsed<Workflow> parse(SourceFile file) {
        Parsed<YamlFile> yaml = YamlParser.parse(file);
        List<ParseIssue> issues = new ArrayList<>(yaml.issues());
        YamlFile y = yaml.model();
        YMap root = null;
        for (YamlDocument d : y.documents()) {
            if (d.root() instanceof YMap m) {
                root = m;
                break;
            }
        }
        Set<String> triggers = new LinkedHashSet<>();
        List<Job> jobs = new ArrayList<>();
        YEntry on = null;
        boolean composite = false;
        if (root != null) {
            on = root.entry("on");
            if (on == null) {
                on = root.entry("true"); // YAML 1.1 readers turn a bare 'on' into true
            }
            if (on != null) {
                YNode v = on.value();
                if (v.text() != null) {
                    triggers.add(v.text());
                } else if (v instanceof YSeq s) {
                    for (YNode i : s.items()) {
                        if (i.text() != null) {
                            triggers.add(i.text());
                        }
                    }
                } else if (v instanceof YMap m) {
                    for (YEntry e : m.entries()) {
                        if (e.keyText() != null) {
                            triggers.add(e.keyText());
                        }
                    }
                }
            }
            YEntry je = root.entry("jobs");
            if (je != null && je.value() instanceof YMap jm) {
                for (YEntry e : jm.entries()) {
                    if (e.keyText() != null && e.value() instanceof YMap m) {
                        jobs.add(new Job(e.keyText(), e, m, steps(m)));
                    }
                }
            }
            YEntry runs = root.entry("runs");
            if (je == null && runs != null && runs.value() instanceof YMap rm && rm.getText("using") != null
                    && rm.getText("using").strip().equalsIgnoreCase("composite")) {
                composite = true; // an action's runs: holds the steps, which the step rules judge like a job's
                jobs.add(new Job("runs", runs, rm, steps(rm)));
            }
        } else if (y.complete() && !file.text().isBlank()) {
            issues.add(ParseIssue.notAnalyzed(new TextRange(0, file.lines().lineEnd(0)),
                    "No top-level mapping: not analysed as a GitHub Actions workflow"));
        }
        return new Parsed<>(new Workflow(y, root, on, triggers, jobs, YamlEdits.of(file, y), composite), issues);
    }

    private static List<Step> steps(YMap owner) {
        List<Step> steps = new ArrayList<>();
        if (owner.get("steps") instanceof YSeq ss) {
            int i = 0;
            for (YNode n : ss.items()) {
                if (n instanceof YMap sm) {
                    steps.add(new Step(sm, i));
                }
                i++;
            }
        }
        return steps;
    }
}
