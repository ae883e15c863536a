package io.archlens.syntax.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeSitterParserTest {

    @Test
    void offsetsAreUtf16UnitsWithEmojiCjkTabsAndCrlf() {
        String src = "# 😀 注释\r\nx = '😀'\r\n\tdef f():\r\n    return requests.get(\"漢字\", timeout=3)\r\n";
        SyntaxTree t = TreeSitterParser.parse(Grammar.PYTHON, src).tree();
        List<SyntaxNode> calls = t.all("call");
        assertEquals(1, calls.size());
        SyntaxNode call = calls.get(0);
        assertEquals("requests.get(\"漢字\", timeout=3)", call.text());
        assertEquals("requests.get", call.field("function").text());
        SyntaxNode strings = t.all("string").get(0);
        assertEquals("'😀'", strings.text());
        assertEquals(src.indexOf("'😀'"), strings.start());
    }

    @Test
    void everyLanguageParsesAndNamesItsFields() {
        assertEquals("fetch", TreeSitterParser.parse(Grammar.JAVASCRIPT, "const r = await fetch(url);")
                .tree().all("call_expression").get(0).field("function").text());
        assertEquals("axios.get", TreeSitterParser.parse(Grammar.TYPESCRIPT, "const r: Res = axios.get<T>(u);")
                .tree().all("call_expression").get(0).field("function").text());
        assertEquals("div", TreeSitterParser.parse(Grammar.TSX, "const a = <div onClick={f}>{x}</div>;")
                .tree().all("jsx_opening_element").get(0).field("name").text());
        SyntaxTree go = TreeSitterParser.parse(Grammar.GO, "package m\nfunc f() { http.Get(u) }\n").tree();
        assertEquals("http.Get", go.all("call_expression").get(0).field("function").text());
        assertFalse(go.hasErrors());
    }

    @Test
    void halfTypedCodeKeepsTheRestOfTheFile() {
        String src = "def broken(:\n    x = requests.get(\n\ndef fine():\n    subprocess.run(cmd, shell=True)\n";
        TreeSitterParser.Result r = TreeSitterParser.parse(Grammar.PYTHON, src);
        assertNull(r.failure());
        assertTrue(r.tree().hasErrors());
        assertTrue(r.tree().all("call").stream().anyMatch(c -> c.text().startsWith("subprocess.run")));
    }

    @Test
    void aPathologicalInputStopsWithinTheBudgetAndTheNextParseWorks() {
        String slow = "http://a:".repeat(12_000); // tree-sitter-python needs tens of seconds for this line
        long t0 = System.nanoTime();
        TreeSitterParser.Result r = TreeSitterParser.parse(Grammar.PYTHON, slow);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (r.failure() != null) { // on a fast machine it may finish inside the budget: then it is simply parsed
            assertTrue(r.failure().contains("gave up after"), r.failure());
            assertTrue(ms < TreeSitterParser.PARSE_BUDGET_MS + 2000, ms + " ms");
        }
        assertEquals("requests.get(u)", TreeSitterParser.parse(Grammar.PYTHON, "x = requests.get(u)\n").tree()
                .all("call").get(0).text());
    }

    @Test
    void loneSurrogatesDoNotShiftOffsets() {
        String src = "a = '\uD800'\nb = requests.get(u)\n";
        SyntaxNode call = TreeSitterParser.parse(Grammar.PYTHON, src).tree().all("call").get(0);
        assertEquals("requests.get(u)", call.text());
    }

    @Test
    void treeShapeIsConsistent() {
        String src = "class A:\n    def m(self, x):\n        return [i for i in x if i]\n";
        SyntaxTree t = TreeSitterParser.parse(Grammar.PYTHON, src).tree();
        SyntaxNode root = t.root();
        assertEquals("module", root.type());
        assertEquals(src.length(), root.end());
        root.walk(n -> {
            SyntaxNode p = n.parent();
            if (p != null) {
                assertTrue(p.start() <= n.start() && n.end() <= p.end(), n + " outside " + p);
                assertTrue(p.contains(n));
            }
        });
        SyntaxNode fn = t.all("function_definition").get(0);
        assertEquals("m", fn.field("name").text());
        assertNotNull(fn.ancestor("class_definition"));
        assertEquals(1, fn.descendants("list_comprehension").size());
    }

    @Test
    void aGrammarThatCannotLoadIsReportedNotThrown() {
        System.setProperty("archlens.treesitter.go.library", "/nonexistent/libtree-sitter-go.so");
        try {
            Grammar.GO.forget();
            TreeSitterParser.Result r = TreeSitterParser.parse(Grammar.GO, "package m\n");
            assertNotNull(r.failure());
            assertTrue(r.failure().startsWith("Go is not analysed"), r.failure());
            assertEquals(1, r.tree().size());
        } finally {
            System.clearProperty("archlens.treesitter.go.library");
            Grammar.GO.forget();
        }
        assertNull(TreeSitterParser.parse(Grammar.GO, "package m\n").failure());
    }
}
