package io.archlens.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every parser and rule, on every fixture, mutated at random (truncated, characters dropped or doubled,
 * braces, quotes, tabs, lone surrogates, NEL/LS line separators inserted): no exception may escape a
 * parser or rule (the engine would log it), and every finding's range must lie inside the text. The seed
 * is fixed so a failure reproduces.
 */
class AllKindsFuzzTest {
    private static final String[] JUNK = {"{", "}", "\"", "'", "\t", "\\", "\n", "\r\n", "\r", "$$", "${", "<<EOF\n",
            "\uD83D", "\uDE00", "😀", "日本", "\u0085", "\u2028", "---\n", ": ", "- ", "[", "]", ";", "/*", "*/", "--", "#", "&a ", "*a "};

    @Test
    void mutatedFixturesNeverBreakAParserOrARule() {
        RuleBook book = RuleBook.loadDefault();
        Random rnd = new Random(20261125L);
        List<String> failures = new ArrayList<>();
        for (var p : Fixtures.allFixtures()) {
            SourceFile base = Fixtures.load(p);
            if (!book.supports(base.kind())) {
                continue;
            }
            for (int r = 0; r < 12; r++) {
                final int round = r;
                String text = mutate(base.text(), rnd);
                SourceFile f = new SourceFile(base.uri(), base.path(), text, base.kind(), round);
                Analysis a = book.analyze(f, Settings.DEFAULTS, () -> false,
                        (msg, err) -> failures.add(base.path() + " round " + round + ": " + msg + ": " + err));
                a.findings().forEach(fd -> {
                    if (fd.range().end() > text.length()) {
                        failures.add(base.path() + ": range past the end in " + fd.ruleId());
                    }
                });
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: "
                + failures.subList(0, Math.min(5, failures.size())));
    }

    private static String mutate(String text, Random rnd) {
        StringBuilder sb = new StringBuilder(text);
        int ops = 1 + rnd.nextInt(6);
        for (int i = 0; i < ops && sb.length() > 0; i++) {
            int at = rnd.nextInt(sb.length() + 1);
            switch (rnd.nextInt(4)) {
                case 0 -> sb.setLength(at);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + rnd.nextInt(20)));
                case 2 -> sb.insert(at, JUNK[rnd.nextInt(JUNK.length)]);
                default -> {
                    int end = Math.min(sb.length(), at + rnd.nextInt(40));
                    sb.insert(at, sb.substring(at, end));
                }
            }
        }
        return sb.toString();
    }
}
