package io.archlens.syntax.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.CoreRules;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.filekind.FileKind;
import org.junit.jupiter.api.Test;

class CodeTreeParserTest {
    private final CodeTreeParser parser = new CodeTreeParser(f -> Grammar.PYTHON, t -> CodeFacts.EMPTY, p -> false);

    @Test
    void aSourceFileAboveTheLimitIsNotParsedAndSaysWhy() {
        String big = "x = requests.get(u)\n".repeat(CodeTreeParser.MAX_CHARS / 20 + 10);
        Parsed<CodeTree> p = parser.parse(SourceFile.of("gen/bundle.py", big, FileKind.PYTHON));
        assertEquals(1, p.model().tree().size());
        assertEquals(1, p.issues().size());
        assertEquals(CoreRules.NOT_ANALYZED.id(), p.issues().get(0).ruleId());
        assertTrue(p.issues().get(0).message().contains("is not analysed"), p.issues().get(0).message());
    }

    @Test
    void aNormalFileIsParsed() {
        Parsed<CodeTree> p = parser.parse(SourceFile.of("app.py", "x = requests.get(u)\n", FileKind.PYTHON));
        assertTrue(p.issues().isEmpty());
        assertEquals(1, p.model().all("call").size());
    }
}
