package io.archlens.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator is deterministic and each mutation class makes what its name promises, for every kind. */
class GeneratorTest {
    static Seeds seeds;

    @BeforeAll
    static void load() {
        seeds = Seeds.load(Fixtures.repoRoot());
    }

    @Test
    void seedsCoverEveryKindTheRuleBookReads() {
        Set<FileKind> want = EnumSet.of(FileKind.DOCKERFILE, FileKind.COMPOSE, FileKind.KUBERNETES, FileKind.NGINX,
                FileKind.SPRING_PROPERTIES, FileKind.SPRING_YAML, FileKind.DOTENV, FileKind.SQL, FileKind.OPENAPI,
                FileKind.GITHUB_ACTIONS, FileKind.TERRAFORM, FileKind.AGENT_DEFINITION, FileKind.JAVA, FileKind.GO,
                FileKind.JAVASCRIPT, FileKind.TYPESCRIPT, FileKind.PYTHON);
        assertEquals(want, EnumSet.copyOf(seeds.kinds()));
    }

    @Test
    void theSameSeedAndIndexMakeTheSameInput() {
        Generator a = new Generator(seeds, 7, x -> true);
        Generator b = new Generator(seeds, 7, x -> true);
        for (int i = 0; i < 3 * a.grid().size(); i += 7) {
            Hostile x = a.input(i);
            Hostile y = b.input(i);
            assertEquals(x.text(), y.text(), x.reproduction());
            assertArrayEquals(x.bytes(), y.bytes(), x.reproduction());
            assertEquals(x.edit(), y.edit(), x.reproduction());
        }
        assertTrue(!new Generator(seeds, 8, x -> true).input(0).text().equals(a.input(0).text())
                || !new Generator(seeds, 8, x -> true).input(0).seedPath().equals(a.input(0).seedPath())
                || a.input(0).mutation() == Mutation.BOM, "another seed makes other inputs");
    }

    @Test
    void everyPairMakesWhatItsClassPromises() {
        Generator g = new Generator(seeds, 3, x -> true);
        for (int i = 0; i < g.grid().size(); i++) {
            Hostile h = g.input(i);
            String seed = seeds.seed(h.seedPath()).text();
            byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
            int[] lines = ClientText.lineStarts(h.text());
            String why = h.reproduction();
            switch (h.mutation()) {
                case BYTE_FLIP -> assertTrue(h.bytes().length == seedBytes.length
                        && (seedBytes.length == 0 || !java.util.Arrays.equals(h.bytes(), seedBytes)), why);
                case TRUNCATE -> assertTrue(h.bytes().length <= seedBytes.length, why);
                case INVALID_UTF8 -> assertTrue(!validUtf8(h.bytes()), why);
                case NUL -> assertTrue(h.text().indexOf('\0') >= 0, why);
                case BOM -> assertTrue((h.bytes()[0] & 0xff) == 0xEF && h.text().charAt(0) == '\uFEFF', why);
                case CR_ONLY -> assertTrue(h.text().indexOf('\n') < 0
                        && (seed.indexOf('\n') < 0 || h.text().indexOf('\r') >= 0), why);
                case CRLF -> assertTrue(!Pattern.compile("[^\r]\n|\r[^\n]").matcher(h.text()).find(), why);
                case LONG_LINE -> assertTrue(longestLine(h.text(), lines) >= Mutation.ONE_MB, why);
                case MANY_LINES -> assertTrue(lines.length >= Mutation.MANY, why);
                case ALIAS_BOMB -> assertTrue(h.text().contains("*a8"), why);
                case DEEP_NESTING -> assertTrue(h.text().length() >= seed.length() + 2 * Mutation.DEPTH, why);
                case UNTERMINATED_HEREDOC -> assertTrue(h.text().contains("<<") && h.text().endsWith("\n"), why);
                case UNICODE -> assertTrue(!h.text().equals(seed) && h.text().chars().anyMatch(c -> c > 0x7f), why);
                case LONG_KEY -> assertTrue(Pattern.compile("(?:[._]a){20000}|(?:_A){20000}").matcher(h.text()).find(), why);
                case LONG_URL -> assertTrue(Pattern.compile("http://(?:a:){2500}|(?:http://a:){500}").matcher(h.text()).find(), why);
                case KEY_ENDING_IN_BRACKET -> assertTrue(h.text().contains("my.map[=1") || h.text().contains("my.map[: 1"), why);
                case EDIT_MAX_CHARACTER -> assertEquals(Integer.MAX_VALUE, h.edit().end().character(), why);
                case EDIT_LINE_PAST_END -> assertTrue(h.edit().start().line() >= lines.length, why);
                case EDIT_REVERSED_RANGE -> assertTrue(seed.isEmpty() || h.edit().start().line() > h.edit().end().line()
                        || h.edit().start().character() > h.edit().end().character(), why);
                default -> throw new AssertionError(h.mutation());
            }
            if (!h.mutation().isEdit()) {
                assertTrue(h.edit().start().line() < lines.length && h.edit().end().line() < lines.length, why);
            }
        }
    }

    @Test
    void theClientAppliesOutOfRangeEditsAsEditorsDo() {
        String t = "ab\r\ncd\ref\n";
        assertEquals("ab!\r\ncd\ref\n", ClientText.apply(t, change(0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, "!")));
        assertEquals("ab\r\ncd\ref\n!", ClientText.apply(t, change(9, 3, 12, 0, "!")));
        assertEquals("ab\r\nd\ref\n", ClientText.apply(t, change(1, 1, 1, 0, "")));
        assertArrayEquals(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0xBD}, ClientText.bytes("a\uD83D"));
        assertEquals("\"\\u0000\\ud83d\\n\"", ClientText.json("\0\uD83D\n"));
    }

    private static ClientText.Change change(int l1, int c1, int l2, int c2, String text) {
        return new ClientText.Change(new ClientText.Pos(l1, c1), new ClientText.Pos(l2, c2), text);
    }

    private static int longestLine(String text, int[] starts) {
        int max = 0;
        for (int l = 0; l < starts.length; l++) {
            max = Math.max(max, ClientText.lineEnd(text, starts, l) - starts[l]);
        }
        return max;
    }

    private static boolean validUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
