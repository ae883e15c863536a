package io.archlens.syntax.treesitter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.bench.CodeSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.treesitter.TSParser;

/** Reading the native tree from memory gives exactly the binding's tree, on every fixture of every language. */
class CursorMemoryTest {
    @Test
    void availableWithTheShippedBinding() {
        // fails after a tree-sitter-ng upgrade: check tree_cursor.h and subtree.h of the new version against the
        // offsets in CursorMemory, then add the new libraries' CRC-32 to CursorMemory.KNOWN
        assertTrue(CursorMemory.AVAILABLE, "CursorMemory is not available with this binding");
        for (Grammar g : Grammar.values()) {
            TSParser p = new TSParser();
            p.setLanguage(g.load().language);
            assertTrue(MemoryCheck.usable(g.load(), p), g + " sample");
        }
    }

    @Test
    void sameTreeAsTheBindingOnFixturesAndSamples() throws IOException {
        check(Grammar.PYTHON, "python", ".py", CodeSamples.python(300));
        check(Grammar.GO, "go", ".go", CodeSamples.go(300));
        check(Grammar.TYPESCRIPT, "typescript", ".ts", CodeSamples.typescript(300));
        check(Grammar.TSX, "typescript", ".tsx", null);
        check(Grammar.JAVASCRIPT, "javascript", ".js", null);
    }

    private static void check(Grammar grammar, String dir, String ext, String extra) throws IOException {
        TSParser p = new TSParser();
        p.setLanguage(grammar.load().language);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures", dir))) {
            files = s.filter(f -> f.toString().endsWith(ext) || grammar == Grammar.JAVASCRIPT
                    && f.toString().matches(".*\\.(jsx|mjs|cjs)$")).toList();
        }
        assertTrue(!files.isEmpty() || extra != null, dir);
        for (Path f : files) {
            String text = TreeSitterParser.withoutLoneSurrogates(Files.readString(f, StandardCharsets.UTF_8));
            assertTrue(MemoryCheck.same(grammar.load(), p, text), f.toString());
        }
        if (extra != null) {
            assertTrue(MemoryCheck.same(grammar.load(), p, extra), grammar + " code sample");
        }
    }
}
