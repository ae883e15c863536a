package io.archlens.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.CoreRules;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every fixture file under fixtures/ is checked against its inline markers; every rule has a fixture and a doc. */
class FixtureTest {
    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsMarkers() {
        return Fixtures.allFixtures().stream().map(p -> DynamicTest.dynamicTest(
                Fixtures.fixturesDir().relativize(p).toString(), () -> Fixtures.check(Fixtures.load(p))));
    }

    @Test
    void everyRuleHasAFixtureWithAMarker() {
        Set<String> marked = new HashSet<>();
        List<Path> all = new ArrayList<>(Fixtures.allFixtures());
        all.addAll(Fixtures.systemFixtureFiles());
        for (Path p : all) {
            try {
                for (Fixtures.Mark m : Fixtures.expected(Files.readString(p))) {
                    marked.add(m.ruleId());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> missing = new ArrayList<>();
        for (RuleMeta m : RuleBook.loadDefault().allRules()) {
            if (!marked.contains(m.id()) && !CoreRules.ALL.contains(m)) {
                missing.add(m.id());
            }
        }
        assertTrue(missing.isEmpty(), "rules without a fixture marker: " + missing);
    }

    @Test
    void everyRuleHasADocPage() {
        List<String> missing = new ArrayList<>();
        for (RuleMeta m : RuleBook.loadDefault().allRules()) {
            Path doc = Fixtures.repoRoot().resolve("docs/rules").resolve(m.docPath());
            if (!Files.isRegularFile(doc)) {
                missing.add(m.id());
            }
        }
        assertTrue(missing.isEmpty(), "rules without docs/rules/<id>.md: " + missing);
    }
}
