package io.archlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.config.Settings;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model-level suppressions with a scope silence findings inside that range only. */
class ScopedSuppressionTest {
    private static final RuleMeta X = RuleMeta.of("test/x-found", "x", Severity.WARNING, Category.RELIABILITY, FileKind.NGINX);

    /** Reports every 'X'; the model suppresses test/x-found inside the first "[...]" block, and an unknown rule there. */
    private static final RulePack<String> PACK = new RulePack<>() {
        @Override
        public FileKind kind() {
            return FileKind.NGINX;
        }

        @Override
        public Parser<String> parser() {
            return f -> new Parsed<>(f.text(), List.of());
        }

        @Override
        public List<Rule<String>> rules() {
            return List.of(new Rule<>() {
                @Override
                public RuleMeta meta() {
                    return X;
                }

                @Override
                public void check(String text, RuleContext ctx) {
                    for (int i = text.indexOf('X'); i >= 0; i = text.indexOf('X', i + 1)) {
                        ctx.report(new TextRange(i, i + 1), "X here");
                    }
                }
            });
        }

        @Override
        public List<Suppression> modelSuppressions(String text, SourceFile file) {
            TextRange scope = new TextRange(text.indexOf('['), text.indexOf(']') + 1);
            int id = text.indexOf("ids:") + 4;
            return List.of(Suppression.scoped("test/x-found", scope, new TextRange(id, id + 3), "reason"),
                    Suppression.scoped("test/nope", scope, new TextRange(id + 4, id + 7), null));
        }
    };

    private static Analysis analyze(String text) {
        return new RuleBook(List.of(PACK)).analyze(SourceFile.of("a.conf", text, FileKind.NGINX), Settings.DEFAULTS);
    }

    @Test
    void suppressesOnlyInsideTheScopeEvenOnTheSameLine() {
        String text = "ids:abc,def [ X X ] X\nX\n";
        List<Finding> f = analyze(text).findings();
        List<Integer> xs = f.stream().filter(x -> x.ruleId().equals("test/x-found")).map(x -> x.range().start()).toList();
        assertEquals(List.of(text.indexOf("] X") + 2, text.lastIndexOf('X')), xs, "X inside [...] suppressed, others kept");
        assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("archlens/unknown-rule")), "unknown id is still reported");
        assertFalse(f.stream().anyMatch(x -> x.ruleId().equals("archlens/unused-suppression")));
    }

    @Test
    void anUnusedScopedSuppressionIsReported() {
        List<Finding> f = analyze("ids:abc,def [ nothing ] X\n").findings();
        assertEquals(1, f.stream().filter(x -> x.ruleId().equals("test/x-found")).count());
        assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("archlens/unused-suppression")
                && x.range().equals(new TextRange(4, 7))));
    }

    @Test
    void scopeSemantics() {
        Suppression s = Suppression.scoped("a/b", new TextRange(10, 20), null, null);
        assertFalse(s.fileWide());
        assertTrue(s.reaches(99, 10));
        assertTrue(s.reaches(0, 20));
        assertFalse(s.reaches(0, 21));
        assertTrue(new Suppression("a/b", -1, null, null).fileWide());
        assertTrue(new Suppression("a/b", 3, null, null).reaches(3, 500));
        assertFalse(new Suppression("a/b", 3, null, null).reaches(4, 0));
    }
}
