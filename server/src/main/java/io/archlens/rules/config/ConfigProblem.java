package io.archlens.rules.config;

import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleMeta;
import io.archlens.core.TextRange;
import java.util.List;

/** One mistake in {@code .archlens.yml}: the rule it is reported under, where, what to do, and a fix if one is sure. */
record ConfigProblem(RuleMeta rule, TextRange range, String message, List<Fix> fixes) {
    ConfigProblem {
        fixes = List.copyOf(fixes);
    }
}
