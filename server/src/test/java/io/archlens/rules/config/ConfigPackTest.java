package io.archlens.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** .archlens.yml in the editor: exact ranges, near-miss fixes, and no findings on a valid file. */
class ConfigPackTest {
    private static SourceFile config(String text) {
        SourceFile f = Fixtures.source(".archlens.yml", text);
        assertEquals(FileKind.ARCHLENS_CONFIG, f.kind());
        return f;
    }

    @Test
    void nearMissRuleIdIsReplacedByTheClosestKnownOne() {
        SourceFile f = config("rules:\n  docker/no-latest-tags: off\n");
        assertEquals("rules:\n  docker/no-latest-tag: off\n",
                Fixtures.applyFix(f, "config/unknown-rule", "Replace with 'docker/no-latest-tag'"));
    }

    @Test
    void theKindsLongNameIsReplacedByItsRulePrefix() {
        SourceFile f = config("rules:\n  kubernetes/single-replica: off\n  terraform/*: info\n");
        assertEquals("rules:\n  k8s/single-replica: off\n  terraform/*: info\n",
                Fixtures.applyFix(f, "config/unknown-rule", "'k8s/single-replica'"));
        assertEquals("rules:\n  kubernetes/single-replica: off\n  tf/*: info\n",
                Fixtures.applyFix(f, "config/unknown-rule", "'tf/*'"));
    }

    @Test
    void misspeltKeyGetsARenameAndAFarOffOneOnlyTheList() {
        SourceFile f = config("ignores: [vendor/]\nbogus: 1\n");
        assertEquals("ignore: [vendor/]\nbogus: 1\n", Fixtures.applyFix(f, "config/unknown-key", "Rename to 'ignore'"));
        List<Finding> all = Fixtures.analyze(f).findings();
        Finding bogus = all.get(1);
        assertEquals("config/unknown-key", bogus.ruleId());
        assertTrue(bogus.fixes().isEmpty() && bogus.message().contains("known keys: rules, profile, ignore, max-file-bytes"),
                bogus.message());
    }

    @Test
    void anUnknownRuleWithoutANearMissHasNoFix() {
        Finding f = Fixtures.single(Fixtures.analyze(config("rules:\n  docker/sudo-in-run-x: off\n  zz/top: on\n"))
                .findings().stream().filter(x -> x.message().contains("zz/top")).toList(), "config/unknown-rule");
        assertTrue(f.fixes().isEmpty(), f.toString());
        assertTrue(f.message().contains("`archlens rules` lists every rule id"), f.message());
    }

    @Test
    void badInputNeverThrows() {
        for (String text : List.of("", "---\n", "- a\n- b\n", "rules: [\n", "rules:\n  ? [a, b]\n  : off\n",
                "a: 1\n---\nb: 2\n", "context: 5\nagent: [x]\n", "rules:\n  docker/no-latest-tag:\n")) {
            Fixtures.analyze(config(text));
        }
        List<Finding> two = Fixtures.analyze(config("rules: {}\n---\nignore: []\n")).findings();
        assertEquals(List.of("config/invalid-value"), two.stream().map(Finding::ruleId).toList());
    }
}
