package io.archlens.syntax.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import org.junit.jupiter.api.Test;

class EscapeRepairTest {
    @Test
    void onlyInvalidEscapesInsideLiteralsAreBlankedAndTheLengthHolds() {
        String text = "String a = \"c:\\\\dir\\to\\latest\"; // \\q in a comment\nchar c = '\\n'; String r = \"\\d+\";"
                + "\nString t = \"\"\"\n  a\\\n  \\w\"\"\";\n";
        String fixed = EscapeRepair.repair(text);
        assertEquals(text.length(), fixed.length());
        assertEquals(text.replace("\\latest", " latest").replace("\\d+", " d+").replace("\\w\"", " w\""), fixed);
        assertNull(EscapeRepair.repair("String ok = \"a\\tb\\u0041\\\"\\\\\\s\\0\";\n"), "nothing to repair");
    }

    @Test
    void aBadEscapeNoLongerHidesTheRestOfTheFile() {
        String text = """
                class A {
                    String path = "c:\\tools\\latest.exe";
                    void run(String host) throws Exception {
                        Runtime.getRuntime().exec("ping " + host);
                    }
                }
                """;
        Parsed<JavaFile> parsed = new JavaSourceParser().parse(SourceFile.of("A.java", text, FileKind.JAVA));
        assertTrue(parsed.issues().stream().anyMatch(i -> i.message().startsWith("Lexical error at line 2")),
                "the error is still reported: javac rejects the file");
        assertEquals(1, parsed.model().facts().sinks().size(), "the method after it is read");
        io.archlens.core.TextRange arg = parsed.model().facts().sinks().get(0).argument();
        assertEquals("\"ping \" + host", text.substring(arg.start(), arg.end()), "offsets are the original text's");
    }
}
