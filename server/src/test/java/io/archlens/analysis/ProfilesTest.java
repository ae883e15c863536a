package io.archlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    private static final String COMPOSE = """
            services:
              api:
                image: example/api:1.4.2
                environment:
                  DB_PASSWORD: hunter2-very-secret
                deploy:
                  resources:
                    limits: {memory: 256m}
              cache:
                image: redis
            """;

    private static Set<String> rules(String yaml, Settings settings) {
        SourceFile f = Fixtures.source("docker-compose.yml", yaml);
        return Fixtures.analyze(f, settings).findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    }

    @Test
    void everyListedRuleExistsAndTheEssentialListHoldsOnlyWarnings() {
        Map<String, RuleMeta> all = new HashMap<>();
        RuleBook.loadDefault().allRules().forEach(m -> all.put(m.id(), m));
        for (String id : Profiles.STRICT) {
            assertTrue(all.containsKey(id), "strict names no rule " + id);
        }
        for (String id : Profiles.ESSENTIAL_WARNINGS) {
            assertTrue(all.containsKey(id), "essential names no rule " + id);
            assertEquals(Severity.WARNING, all.get(id).defaultSeverity(), id);
        }
        assertTrue(Profiles.STRICT.stream().noneMatch(Profiles.ESSENTIAL_WARNINGS::contains));
    }

    @Test
    void theDefaultProfileLeavesPerServiceHardeningToStrict() {
        Set<String> recommended = rules(COMPOSE, Settings.DEFAULTS);
        assertEquals(Profile.RECOMMENDED, Settings.DEFAULTS.profile());
        assertTrue(recommended.contains("compose/unpinned-image"), recommended.toString());
        assertTrue(recommended.contains("compose/literal-secret"), recommended.toString());
        assertFalse(recommended.contains("compose/no-cap-drop"), recommended.toString());
        assertFalse(recommended.contains("compose/no-new-privileges"), recommended.toString());

        Set<String> strict = rules(COMPOSE, ConfigLoader.parse("profile: strict\n"));
        assertTrue(strict.containsAll(recommended), strict.toString());
        assertTrue(strict.contains("compose/no-cap-drop") && strict.contains("compose/unbounded-logging"),
                strict.toString());

        Set<String> essential = rules(COMPOSE, ConfigLoader.parse("profile: essential\n"));
        assertEquals(Set.of("compose/literal-secret"), essential);
    }

    @Test
    void aRuleNamedInTheSettingsRunsWhateverTheProfileButKindWildcardsDoNotAddRules() {
        Set<String> named = rules(COMPOSE, ConfigLoader.parse("profile: essential\nrules:\n  compose/no-cap-drop: on\n"));
        assertEquals(Set.of("compose/literal-secret", "compose/no-cap-drop"), named);
        Set<String> wildcard = rules(COMPOSE, ConfigLoader.parse("profile: essential\nrules:\n  compose/*: error\n"));
        assertEquals(Set.of("compose/literal-secret"), wildcard);
        Set<String> off = rules(COMPOSE, ConfigLoader.parse("profile: strict\nrules:\n  compose/no-cap-drop: off\n"));
        assertFalse(off.contains("compose/no-cap-drop"), off.toString());
    }

    @Test
    void aSuppressionOfARuleTheProfileDoesNotRunIsNotReportedAsUnused() {
        String text = COMPOSE.replace("  cache:\n", "  # archlens-ignore compose/no-cap-drop -- sidecar\n  cache:\n");
        Set<String> recommended = rules(text, Settings.DEFAULTS);
        assertFalse(recommended.contains("archlens/unused-suppression"), recommended.toString());
        Set<String> strictOff = rules(text.replace("no-cap-drop", "host-network"), Settings.DEFAULTS);
        assertTrue(strictOff.contains("archlens/unused-suppression"), strictOff.toString());
    }

    @Test
    void anUnknownProfileIsASettingsError() {
        SourceFile f = Fixtures.source(".archlens.yml", "profile: paranoid\n");
        List<Finding> found = Fixtures.analyze(f).findings();
        assertEquals(1, found.size(), found.toString());
        assertEquals("config/invalid-value", found.get(0).ruleId());
        assertEquals(Profile.RECOMMENDED, ConfigLoader.parse("profile: paranoid\n").profile());
    }

    @Test
    void theConfigurationPageCountsEachProfilesRules() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "configuration.md"));
        int[] counts = new int[Profile.values().length];
        for (RuleMeta m : RuleBook.loadDefault().allRules()) {
            for (Profile p : Profile.values()) {
                if (p.includes(Profiles.of(m))) {
                    counts[p.ordinal()]++;
                }
            }
        }
        for (Profile p : Profile.values()) {
            Matcher row = Pattern.compile("^\\| `" + p.id() + "`[^\\n]*\\| (\\d+) \\|$", Pattern.MULTILINE)
                    .matcher(page);
            assertTrue(row.find(), "docs/configuration.md has no row for " + p.id());
            assertEquals(counts[p.ordinal()], Integer.parseInt(row.group(1)),
                    "docs/configuration.md's count of rules in " + p.id() + " (archlens rules --profile " + p.id()
                            + ")");
        }
    }
}
