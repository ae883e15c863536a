package io.archlens.syntax.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** An incremental parse must give exactly the tree a fresh parse of the same text gives. */
class IncrementalParseTest {
    private static final String PY = "import os\nimport requests\n\n"
            + "class Orders:\n    def get(self, order_id):\n        # 注释 😀\n"
            + "        r = requests.get(f\"http://orders:8080/{order_id}\", timeout=3)\n        return r.json()\n\n"
            + "    def put(self, x):\n        cur.execute(\"update t set a=\" + x)\r\n\n"
            + "def main():\n    port = int(os.environ.get(\"PORT\", 8000))\n    app.run(port=port)\n";
    private static final String GO = "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n"
            + "\tresp, _ := http.Get(\"http://users:8080/\") // 😀\n\t_ = resp\n}\n\nfunc main() {\n"
            + "\thttp.HandleFunc(\"/x\", h)\n\thttp.ListenAndServe(\":8080\", nil)\n}\n";
    private static final String TS = "import axios from 'axios';\nconst a = axios.create({ baseURL: 'http://x:1' });\n"
            + "export async function f(id: string): Promise<number> {\n  const r = await a.get(`/items/${id}`);\n"
            + "  return r.data as number;\n}\napp.listen(process.env.PORT || 3000);\n";

    @Test
    void randomEditsGiveTheSameTreeAsAFreshParse() {
        check(Grammar.PYTHON, PY, 1);
        check(Grammar.GO, GO, 2);
        check(Grammar.TYPESCRIPT, TS, 3);
    }

    @Test
    void aClosedDocumentLeavesNoParseBehindAndDiskFilesAreNotKept() {
        String uri = "file:///test/closed.py";
        TreeSitterParser.parse(Grammar.PYTHON, PY, uri);
        TreeSitterParser.parse(Grammar.GO, GO, uri);
        int before = ParseCache.size();
        TreeSitterParser.forgetDocument(uri);
        assertEquals(before - 2, ParseCache.size());
        int now = ParseCache.size();
        TreeSitterParser.parse(Grammar.PYTHON, PY);
        assertEquals(now, ParseCache.size());
    }

    private static void check(Grammar g, String start, long seed) {
        Random rnd = new Random(seed);
        String key = "file:///test/" + g.id() + seed;
        String text = start;
        TreeSitterParser.parse(g, text, key);
        String[] inserts = {"x", " ", "\n", "(", ")", "'", "\"", "😀", "漢", "\t", "def ", "    return 1\n", "}", "{", ":"};
        for (int step = 0; step < 150; step++) {
            text = io.archlens.testing.RandomEdits.apply(text, rnd, inserts);
            if (step % 37 == 36) {
                text = start; // back to a clean file now and then
            }
            SyntaxTree inc = TreeSitterParser.parse(g, text, key).tree();
            SyntaxTree fresh = TreeSitterParser.parse(g, text).tree();
            assertSame(fresh, inc, g + " step " + step);
        }
        TreeSitterParser.forget(g, key);
    }

    static void assertSame(SyntaxTree a, SyntaxTree b, String where) {
        assertEquals(dump(a), dump(b), where);
    }

    static String dump(SyntaxTree t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.count; i++) {
            sb.append(i).append(' ').append(t.typeName(i)).append(' ').append(t.grammar.field(t.field[i])).append(' ')
                    .append(t.start[i]).append('-').append(t.end[i]).append(" p").append(t.parent[i]).append(" c")
                    .append(t.firstChild[i]).append(" n").append(t.nextSibling[i]).append(" f").append(t.flags[i])
                    .append('\n');
        }
        return sb.append(t.hasErrors()).toString();
    }
}
