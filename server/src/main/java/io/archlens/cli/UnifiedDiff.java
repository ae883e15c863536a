package io.archlens.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (what {@code check --fix --diff} prints; {@code git apply} and {@code patch -p1}
 * read it). Lines common to both ends are trimmed first; the middle is matched by longest common subsequence,
 * or replaced as a whole when it is too large for that.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    /** One line of the edit script: ' ' kept, '-' removed, '+' added. */
    private record Op(char kind, String text, int oldLine, int newLine) {
    }

    static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = script(a, b);
        StringBuilder sb = new StringBuilder();
        // git's a/ and b/ prefixes for paths relative to the current folder (patch -p1, git apply)
        boolean absolute = path.startsWith("/") || path.matches("[A-Za-z]:[\\\\/].*");
        sb.append(absolute ? "--- " : "--- a/").append(path).append('\n').append(absolute ? "+++ " : "+++ b/")
                .append(path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend while changes are closer than two contexts apart
            while (true) {
                while (end < ops.size() && ops.get(end).kind() != ' ') {
                    end++;
                }
                int next = end;
                while (next < ops.size() && ops.get(next).kind() == ' ') {
                    next++;
                }
                if (next < ops.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
            }
            List<Op> hunk = ops.subList(start, end);
            int oldCount = (int) hunk.stream().filter(o -> o.kind() != '+').count();
            int newCount = (int) hunk.stream().filter(o -> o.kind() != '-').count();
            int oldStart = oldCount == 0 ? hunk.get(0).oldLine() : first(hunk, '+').oldLine() + 1;
            int newStart = newCount == 0 ? hunk.get(0).newLine() : first(hunk, '-').newLine() + 1;
            sb.append("@@ -").append(oldStart).append(',').append(oldCount).append(" +").append(newStart).append(',')
                    .append(newCount).append(" @@\n");
            for (Op o : hunk) {
                sb.append(o.kind()).append(o.text().endsWith("\n") ? o.text() : o.text() + "\n\\ No newline at end of file\n");
            }
            i = end;
        }
        return sb.toString();
    }

    private static Op first(List<Op> hunk, char not) {
        return hunk.stream().filter(o -> o.kind() != not).findFirst().orElseThrow();
    }

    /** Lines with their line breaks, so a changed ending is a changed line. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < s.length()) {
            out.add(s.substring(from));
        }
        return out;
    }

    private static List<Op> script(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            ops.add(new Op(' ', a.get(i), i, i));
        }
        int n = a.size() - pre - suf;
        int m = b.size() - pre - suf;
        if ((long) n * m <= MAX_CELLS) {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a.get(pre + i).equals(b.get(pre + j)) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a.get(pre + i).equals(b.get(pre + j))) {
                    ops.add(new Op(' ', a.get(pre + i), pre + i, pre + j));
                    i++;
                    j++;
                } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    ops.add(new Op('-', a.get(pre + i), pre + i, pre + j)); // removals first, as diff(1) does
                    i++;
                } else {
                    ops.add(new Op('+', b.get(pre + j), pre + i, pre + j));
                    j++;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                ops.add(new Op('-', a.get(pre + i), pre + i, pre));
            }
            for (int j = 0; j < m; j++) {
                ops.add(new Op('+', b.get(pre + j), pre + n, pre + j));
            }
        }
        for (int k = 0; k < suf; k++) {
            ops.add(new Op(' ', a.get(a.size() - suf + k), a.size() - suf + k, b.size() - suf + k));
        }
        return ops;
    }
}
