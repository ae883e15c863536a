package io.archlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.config.Settings;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One file cannot hold the analysis hostage, and one file cannot flood the editor with findings. */
class TimeBoxTest {
    static final RuleMeta SLOW = RuleMeta.of("test/slow", "stalls on STALL", Severity.WARNING, Category.RELIABILITY,
            FileKind.DOTENV);
    static final RuleMeta MANY = RuleMeta.of("test/many", "one finding per character x", Severity.INFO,
            Category.RELIABILITY, FileKind.DOTENV);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> logged = new ArrayList<>();

    @AfterEach
    void releaseStalledRules() {
        release.countDown();
    }

    RuleBook book() {
        Rule<String> slow = new Rule<>() {
            public RuleMeta meta() {
                return SLOW;
            }

            public void check(String text, RuleContext ctx) {
                if (text.contains("STALL")) {
                    try {
                        // ignores interrupts, as a backtracking regular expression would
                        while (!release.await(50, TimeUnit.MILLISECONDS)) {
                            Thread.interrupted();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ctx.report(TextRange.empty(0), "slow rule ran");
            }
        };
        Rule<String> many = new Rule<>() {
            public RuleMeta meta() {
                return MANY;
            }

            public void check(String text, RuleContext ctx) {
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == 'x') {
                        ctx.report(new TextRange(i, i + 1), "x at " + i);
                    }
                }
            }
        };
        RulePack<String> pack = new RulePack<>() {
            public FileKind kind() {
                return FileKind.DOTENV;
            }

            public Parser<String> parser() {
                return f -> new Parsed<>(f.text(), List.of());
            }

            public List<Rule<String>> rules() {
                return List.of(slow, many);
            }
        };
        return new RuleBook(List.of(pack));
    }

    private Analysis analyze(RuleBook book, String text, Settings s, long budget) {
        return TimeBox.analyze(book, SourceFile.of(".env", text, FileKind.DOTENV), s, budget, () -> false,
                (m, e) -> logged.add(m));
    }

    @Test
    void aFileThatStallsIsReportedAsNotAnalysedAndTheNextFileIsServed() {
        RuleBook book = book();
        long t0 = System.nanoTime();
        Analysis stalled = analyze(book, "A=STALL\n", Settings.DEFAULTS, 200);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, stalled.findings().size(), stalled.findings().toString());
        Finding f = stalled.findings().get(0);
        assertEquals(CoreRules.NOT_ANALYZED.id(), f.ruleId());
        assertTrue(f.message().contains("took longer than 0.2 s"), f.message());
        assertTrue(ms < 5_000, "returned after " + ms + " ms");

        Analysis next = analyze(book, "A=fine\n", Settings.DEFAULTS, 200);
        assertEquals(List.of("test/slow"), next.findings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void withoutABudgetTheRuleBookRunsAsItIs() {
        Analysis a = analyze(book(), "A=1\n", Settings.DEFAULTS, 0);
        assertEquals(List.of("test/slow"), a.findings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void findingsOfOneFileAreCappedWithOneHintCountingTheRest() {
        Settings s = Settings.fromMap(Map.of("max-findings-per-file", 10));
        Analysis a = analyze(book(), "A=" + "x".repeat(25) + "\n", s, 0);
        assertEquals(11, a.findings().size());
        Finding hint = a.findings().get(a.findings().size() - 1);
        assertEquals(CoreRules.NOT_ANALYZED.id(), hint.ruleId());
        // 10 kept of 26 (25 x + the slow rule's), 16 more; the many rule stopped at the cap: at least
        assertTrue(hint.message().startsWith("10 findings shown; at least 16 more not shown"), hint.message());
    }

    @Test
    void theDefaultCapIsAThousand() {
        Analysis a = analyze(book(), "A=" + "x".repeat(5_000), Settings.DEFAULTS, 0);
        assertEquals(1001, a.findings().size());
        assertTrue(a.findings().get(1000).message().contains("at least 4,001 more"), a.findings().get(1000).message());
        assertEquals(4_001, RuleBook.notShown(a.findings().get(1000)), "check's summary counts what was not shown");
        assertEquals(0, RuleBook.notShown(a.findings().get(0)));
    }
}
