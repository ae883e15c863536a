package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Related;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --changed-since REF}: the lines git says changed between REF and the working tree (committed, staged and
 * not yet staged changes; files git does not track count as wholly new). A finding is kept when one of its lines
 * changed, or one of its related locations (cross-file findings) is on a changed line.
 */
final class ChangedLines {
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

    private final Path top;
    /** Changed 0-based lines per file relative to the top of the work tree; null value: the whole file. */
    private final Map<String, BitSet> changed;

    private ChangedLines(Path top, Map<String, BitSet> changed) {
        this.top = top;
        this.changed = changed;
    }

    /** Git's view from {@code dir}; IOException with a message for people when there is no git or no such ref. */
    static ChangedLines since(String ref, Path dir) throws IOException {
        if (ref.startsWith("-")) {
            throw new IOException("--changed-since: '" + ref + "' is not a git revision");
        }
        String top = git(dir, "rev-parse", "--show-toplevel").strip();
        Path topPath = Path.of(top).toRealPath();
        git(dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        Map<String, BitSet> changed = new HashMap<>();
        String file = null;
        for (String line : git(topPath, "diff", "--no-color", "--no-ext-diff", "--unified=0", "--no-renames",
                ref, "--").split("\n")) {
            if (line.startsWith("+++ ")) {
                String name = line.substring(4);
                file = name.startsWith("b/") ? name.substring(2) : null; // "/dev/null": the file was deleted
                continue;
            }
            Matcher m = HUNK.matcher(line);
            if (file != null && m.find()) {
                int start = Integer.parseInt(m.group(1));
                int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                if (count > 0) {
                    changed.computeIfAbsent(file, k -> new BitSet()).set(start - 1, start - 1 + count);
                }
            }
        }
        for (String untracked : git(topPath, "ls-files", "--others", "--exclude-standard", "-z").split("\0")) {
            if (!untracked.isEmpty()) {
                changed.put(untracked, null);
            }
        }
        return new ChangedLines(topPath, changed);
    }

    /** Keeps the findings on changed lines. */
    List<FileResult> filter(List<FileResult> results) {
        return Findings.keep(results, (fr, f) -> keeps(fr, f));
    }

    private boolean keeps(FileResult fr, Finding f) {
        var li = fr.analysis().file().lines();
        int first = li.lineOf(f.range().start());
        int last = Math.max(first, li.lineOf(Math.max(f.range().start(), f.range().end() - 1)));
        if (touches(fr.path(), first, last)) {
            return true;
        }
        for (Related r : f.related()) {
            Path p = pathOf(r.uri());
            if (p != null && touches(p, r.start().line(), Math.max(r.start().line(), r.end().line()))) {
                return true;
            }
        }
        return false;
    }

    private boolean touches(Path file, int first, int last) {
        String rel = relative(file);
        if (rel == null || !changed.containsKey(rel)) {
            return false;
        }
        BitSet lines = changed.get(rel);
        if (lines == null) {
            return true;
        }
        int next = lines.nextSetBit(first);
        return next >= 0 && next <= last;
    }

    private String relative(Path file) {
        try {
            Path real = file.toAbsolutePath().normalize().toRealPath();
            return real.startsWith(top) ? top.relativize(real).toString().replace('\\', '/') : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Path pathOf(String uri) {
        try {
            return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String git(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-c");
        cmd.add("core.quotePath=false");
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IOException("--changed-since needs git on the PATH (" + e.getMessage() + ")");
        }
        p.getOutputStream().close();
        byte[] err;
        String out;
        try (var in = p.getInputStream(); var es = p.getErrorStream()) {
            var errReader = new java.util.concurrent.CompletableFuture<byte[]>();
            Thread t = new Thread(() -> {
                try {
                    errReader.complete(es.readAllBytes());
                } catch (IOException e) {
                    errReader.complete(new byte[0]);
                }
            });
            t.setDaemon(true);
            t.start();
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            err = errReader.join();
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git");
        }
        if (code != 0) {
            String why = new String(err, StandardCharsets.UTF_8).strip();
            if (args[0].equals("rev-parse") && args.length > 2 && args[1].equals("--verify")) {
                why = "unknown revision '" + args[3].replace("^{commit}", "") + "' (fetch it first, e.g. with"
                        + " fetch-depth: 0 in actions/checkout)";
            } else if (why.contains("not a git repository")) {
                why = dir + " is not in a git work tree";
            }
            throw new IOException("--changed-since: " + (why.isEmpty() ? "git " + String.join(" ", args)
                    + " failed (exit " + code + ")" : why));
        }
        return out;
    }
}
