package io.archlens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Category;
import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings and suppression comments apply to agent findings as they do to the rule book's. */
class AgentFindingsTest {
    static final String TEXT = """
            services:
              api:
                # archlens-ignore agent/missing-timeout -- the gateway sets it
                image: shop/api:1.4.2
              db:
                image: postgres:16
            """;

    static Finding at(String rule, String quote) {
        int s = TEXT.indexOf(quote);
        return new Finding(rule, Severity.WARNING, Category.RELIABILITY, new TextRange(s, s + quote.length()), "m", "x",
                List.of(), List.of(), Set.of(), "archlens/backend-architecture-expert", 0.9);
    }

    @Test
    void suppressionsAndSeverityOverrides() {
        SourceFile f = new SourceFile("file:///w/compose.yml", "compose.yml", TEXT, FileKind.COMPOSE, 1);
        Settings s = ConfigLoader.parse("rules:\n  agent/pin-minor: info\n  agent/noise: off\n");
        List<Finding> out = AgentFindings.applySettings(f, List.of(at("agent/missing-timeout", "shop/api:1.4.2"),
                at("agent/pin-minor", "postgres:16"), at("agent/noise", "postgres:16")), s);
        assertEquals(List.of("agent/pin-minor"), out.stream().map(Finding::ruleId).toList());
        assertEquals(Severity.INFO, out.get(0).severity());
    }

    @Test
    void theRuleBookDoesNotFlagAgentSuppressionsAsUnknownOrUnused() {
        SourceFile f = new SourceFile("file:///w/compose.yml", "compose.yml", TEXT, FileKind.COMPOSE, 1);
        var findings = RuleBook.loadDefault().analyze(f, Settings.DEFAULTS).findings();
        assertTrue(findings.stream().noneMatch(x -> x.ruleId().equals("archlens/unknown-rule")
                || x.ruleId().equals("archlens/unused-suppression")), findings.toString());
    }
}
