package io.archlens.agent;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.analysis.Suppression;
import io.archlens.analysis.Suppressions;
import io.archlens.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the user's settings to agent findings the way the rule book applies them to its own: rule
 * severity overrides and {@code off} ({@code rules: {agent/*: off}}, {@code agent/some-slug: info}) and
 * {@code archlens-ignore agent/...} suppression comments in the file.
 */
public final class AgentFindings {
    private AgentFindings() {
    }

    public static List<Finding> applySettings(SourceFile file, List<Finding> findings, Settings settings) {
        if (findings.isEmpty()) {
            return findings;
        }
        List<Suppression> suppressions = Suppressions.scan(file);
        var lines = file.lines();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Severity> sev = settings.effectiveSeverity(f.ruleId(), f.severity());
            if (sev.isEmpty()) {
                continue;
            }
            int line = lines.lineOf(f.range().start());
            boolean suppressed = false;
            for (Suppression s : suppressions) {
                if (s.reaches(line, f.range().start()) && Suppressions.covers(s, f.ruleId())) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                out.add(sev.get() == f.severity() ? f : f.withSeverity(sev.get()));
            }
        }
        return out;
    }
}
