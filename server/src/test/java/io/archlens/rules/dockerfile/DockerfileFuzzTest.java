package io.archlens.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.core.TextRange;
import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated fixtures through the whole rule book: no parser or rule may throw (Fixtures.analyze fails the test
 * when one does), and every finding range lies inside the text.
 */
class DockerfileFuzzTest {
    private static final String NASTY = "\\`'\"$(){}[]<>|&;#\n\r\t =-:@/*\u00e9\ud83d\udc33";

    @Test
    void mutatedFixturesNeverBreakTheRuleBook() throws IOException {
        Random rnd = new Random(20261125L);
        List<Path> files = Fixtures.allFixtures().stream()
                .filter(p -> Fixtures.fixturesDir().relativize(p).startsWith("dockerfile")).toList();
        assertTrue(files.size() > 30);
        int analysed = 0;
        for (Path p : files) {
            String text = Files.readString(p);
            for (int round = 0; round < 20; round++) {
                String mutated = mutate(text, rnd);
                List<Finding> findings = Fixtures.analyze(Fixtures.source("Dockerfile", mutated)).findings();
                for (Finding f : findings) {
                    TextRange r = f.range();
                    assertTrue(r.end() <= mutated.length(), f.ruleId() + " " + r + " beyond " + mutated.length());
                }
                analysed++;
            }
        }
        assertTrue(analysed > 600);
    }

    private static String mutate(String text, Random rnd) {
        StringBuilder sb = new StringBuilder(text);
        int ops = 1 + rnd.nextInt(6);
        for (int k = 0; k < ops && sb.length() > 0; k++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(4)) {
                case 0 -> sb.setLength(at); // truncate
                case 1 -> sb.deleteCharAt(at);
                case 2 -> sb.insert(at, NASTY.charAt(rnd.nextInt(NASTY.length())));
                default -> {
                    int len = Math.min(sb.length() - at, 1 + rnd.nextInt(40));
                    sb.insert(rnd.nextInt(sb.length()), sb.substring(at, at + len));
                }
            }
        }
        return sb.toString();
    }
}
