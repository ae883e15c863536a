package io.archlens.syntax.treesitter;

/** Manual: java -cp ... io.archlens.syntax.treesitter.ParseSpeed (not a test). */
public final class ParseSpeed {
    public static void main(String[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("import requests\n\ndef f" + i + "(x, e='😀'):\n    r = requests.get(f\"http://a/{x}\", verify=False)\n"
                    + "    cur.execute(\"select * from t where a=\" + x)\n    if x:\n        return r.json()\n    return None\n\n");
        }
        String src = sb.toString();
        for (int k = 0; k < 40; k++) {
            long t0 = System.nanoTime();
            SyntaxTree t = TreeSitterParser.parse(Grammar.PYTHON, src).tree();
            long t1 = System.nanoTime();
            if (k % 10 == 9) {
                System.out.println("nodes " + t.size() + " total " + (t1 - t0) / 1e6 + " ms");
            }
        }
    }
}
