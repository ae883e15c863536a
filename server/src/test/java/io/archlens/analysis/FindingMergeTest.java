package io.archlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.core.TextRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One cause, one finding; different causes stay separate. */
class FindingMergeTest {
    private static Finding f(String rule, Severity sev, int start, int end, String msg, Related... rel) {
        return new Finding(rule, sev, Category.SECURITY, new TextRange(start, end), msg, null, List.of(), List.of(rel),
                Set.of(), Finding.RULE_BOOK_SOURCE, null);
    }

    private static Related at(String uri, int line, String msg) {
        return new Related(uri, new Position(line, 0), new Position(line, 3), msg);
    }

    @Test
    void oneRuleAtOneRangeInTwoContextsIsOneFindingNamingBoth() {
        Finding compose = f("arch/unknown-datasource-host", Severity.ERROR, 10, 12, "host 'db' is no service in the "
                + "Compose project", at("file:///c.yml", 3, "the application runs as Compose service 'api'"));
        Finding k8s = f("arch/unknown-datasource-host", Severity.ERROR, 10, 12, "host 'db' is no service in namespace "
                + "'shop'", at("file:///k.yaml", 4, "the application runs as Deployment 'api'"));
        List<Finding> out = FindingMerge.sameCause(List.of(compose, k8s));
        assertEquals(1, out.size());
        assertEquals(compose.message(), out.get(0).message());
        assertEquals(2, out.get(0).related().size());
        assertEquals("file:///k.yaml", out.get(0).related().get(1).uri());
        assertTrue(out.get(0).related().get(1).message().startsWith("also: host 'db' is no service in namespace"));
    }

    @Test
    void differentRulesOrRangesStaySeparate() {
        Finding a = f("arch/port-mismatch", Severity.ERROR, 10, 12, "a");
        Finding b = f("arch/upstream-port-mismatch", Severity.ERROR, 10, 12, "b");
        Finding c = f("arch/port-mismatch", Severity.ERROR, 14, 16, "c");
        assertEquals(3, FindingMerge.sameCause(List.of(a, b, c)).size());
    }

    @Test
    void aDuplicateSecretJoinsThePerFileSecretFindingOfItsLine() {
        LineIndex lines = LineIndex.of("PASSWORD: hunter2-long-value\nTOKEN: other\n");
        Finding literal = f("compose/literal-secret", Severity.WARNING, 10, 28, "literal");
        Finding dup = f("arch/duplicate-secret", Severity.WARNING, 10, 28, "also written in k8s/secret.yaml:3",
                at("file:///k8s/secret.yaml", 2, "the same value as password"));
        Finding otherLine = f("arch/duplicate-secret", Severity.WARNING, 36, 41, "other",
                at("file:///k8s/secret.yaml", 5, "the same value as token"));
        List<Finding> out = FindingMerge.combine(List.of(literal), List.of(dup, otherLine), lines);
        assertEquals(List.of("compose/literal-secret", "arch/duplicate-secret"), out.stream().map(Finding::ruleId).toList());
        assertEquals(List.of(dup.related().get(0)), out.get(0).related());
        // another cross-file rule on the secret's line is another cause
        Finding port = f("arch/port-mismatch", Severity.ERROR, 10, 12, "port");
        assertEquals(2, FindingMerge.combine(List.of(literal), List.of(port), lines).size());
    }

    @Test
    void crossFileFindingsDoNotPushACappedFilePastTheCap() {
        List<Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(f("k8s/x", Severity.WARNING, i * 10, i * 10 + 1, "x" + i));
        }
        List<Finding> perFile = RuleBook.cap(many, 10, 0); // 10 findings and a hint counting 2 more
        assertEquals(11, perFile.size());
        List<Finding> cross = List.of(f("arch/missing-pdb", Severity.WARNING, 5, 6, "pdb"),
                f("arch/port-mismatch", Severity.ERROR, 500, 501, "port"));
        List<Finding> all = FindingMerge.combine(perFile, cross, LineIndex.of("x\n".repeat(400)));
        assertEquals(11, all.size(), all.toString());
        long hidden = all.stream().mapToLong(RuleBook::notShown).sum();
        assertEquals(4, hidden, "2 per-file and 2 more findings not shown: " + all);
        assertTrue(all.stream().anyMatch(x -> x.ruleId().equals("arch/missing-pdb")), "an early cross-file finding is kept");
        // without a cap nothing changes
        assertEquals(3, FindingMerge.combine(many.subList(0, 1), cross, LineIndex.of("x\n".repeat(400))).size());
    }
}
