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
        String text = src;
        TreeSitterParser.parse(Grammar.PYTHON, text, "k");
        long[] times = new long[200];
        for (int k = 0; k < times.length; k++) {
            int at = text.indexOf("return None", (k * 7919) % (text.length() - 100));
            at = at < 0 ? 100 : at;
            text = text.substring(0, at) + "x" + text.substring(at);
            long t0 = System.nanoTime();
            TreeSitterParser.parse(Grammar.PYTHON, text, "k");
            times[k] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(times);
        System.out.println("incremental typing: median " + times[100] / 1e6 + " ms, p95 " + times[190] / 1e6 + " ms");
    }
}
