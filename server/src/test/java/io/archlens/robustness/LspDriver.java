package io.archlens.robustness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.archlens.analysis.RuleBook;
import io.archlens.config.Settings;
import io.archlens.workspace.Document;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives the real server with hostile documents, one at a time, as an editor would: open, wait for the publish,
 * one change (out of range for the edit mutations), wait for its publish, hover / documentLink / codeAction /
 * definition, close. Checks on each: no crash, no error response, no exception logged, a publish for every
 * version (within {@link #PUBLISH_BUDGET_MS} for files up to 5 MB, latency recorded), diagnostics inside the
 * document, the not-analysed hint where the file is not analysed and not where it is, the server's text equal
 * to the client's after the change, at most {@link #DIAGNOSTICS_CAP} diagnostics, and diagnostics cleared on
 * close. A hang or crash restarts the server. Time limits are scaled by {@link #loadFactor()}.
 */
public final class LspDriver implements AutoCloseable {
    public static final long PUBLISH_BUDGET_MS = 2000;
    public static final long FIVE_MB = 5L << 20;
    static final String NOT_ANALYZED = "archlens/not-analyzed";
    private static final long REQUEST_TIMEOUT_MS = 10_000;
    /**
     * The most diagnostics one publish may carry: issue 11 item 7 asks for a cap per file "e.g. 1,000, with one
     * summary finding saying how many more". Set this to the cap the fix chooses, plus one.
     */
    static final int DIAGNOSTICS_CAP = 1_001;
    /** {@code -Drobustness.trace=true}: each input on stderr as it starts. */
    private static final boolean TRACE = Boolean.getBoolean("robustness.trace");

    private final Tally tally;
    private final Seeds seeds;
    private final long hangMs;
    private final Path root;
    private final Observer observer = new Observer();
    private InProcessServer server;

    /** {@code hangMs}: how long a publish or a response may take before it counts as a hang. */
    public LspDriver(Tally tally, Seeds seeds, long hangMs) throws IOException {
        this.tally = tally;
        this.seeds = seeds;
        this.hangMs = hangMs;
        this.root = Files.createTempDirectory("archlens-robustness-ws").toRealPath();
        start();
    }

    private void start() throws IOException {
        server = new InProcessServer();
        String rootUri = root.toUri().toString();
        String init = "{\"processId\":null,\"rootUri\":" + ClientText.json(rootUri) + ",\"workspaceFolders\":[{\"uri\":"
                + ClientText.json(rootUri) + ",\"name\":\"w\"}],\"capabilities\":{\"textDocument\":{\"hover\":"
                + "{\"contentFormat\":[\"markdown\",\"plaintext\"]},\"codeAction\":{\"codeActionLiteralSupport\":"
                + "{\"codeActionKind\":{\"valueSet\":[\"quickfix\",\"source.fixAll\"]}}},\"publishDiagnostics\":"
                + "{\"relatedInformation\":true,\"versionSupport\":true}},\"workspace\":{\"configuration\":false}}}";
        try {
            JsonObject r = server.client.request("initialize", init).get(60, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IOException("initialize failed: " + r.get("error"));
            }
            server.client.notify("initialized", "{}");
        } catch (Exception e) {
            throw new IOException("the server did not initialise: " + e, e);
        }
    }

    /** Live heap after full collections, in bytes. */
    public static long liveHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Resident set size of this process in KiB ({@code VmRSS}, or {@code VmHWM} for the peak); 0 off Linux. */
    public static long rssKb(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(field + ":")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    /**
     * Opens and closes the first seed of every kind, unchecked, so the measured part starts with the classes
     * loaded and the code compiled (the start heap then holds what a warm server holds).
     */
    public void warmUp() throws IOException, InterruptedException {
        for (var kind : seeds.kinds()) {
            Seeds.Seed s = seeds.of(kind).get(0);
            String uri = root.resolve("warm-up/" + s.relPath()).toUri().toString();
            server.client.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + ClientText.json(uri)
                    + ",\"languageId\":\"plaintext\",\"version\":1,\"text\":" + ClientText.json(s.text()) + "}}");
            server.client.awaitPublish(uri, p -> p.version() != null, hangMs);
            server.client.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":" + ClientText.json(uri) + "}}");
            server.client.awaitPublish(uri, p -> p.version() == null, PUBLISH_BUDGET_MS);
            server.client.forget(uri);
        }
        observer.drain();
    }

    /** Memory at the start of the measured part: call after a warm-up. */
    public void measureStart() throws InterruptedException {
        Thread.sleep(500);
        tally.heapStart = liveHeap();
        tally.rssStart = rssKb("VmRSS");
    }

    /** Memory after everything was closed; a failure when the live heap more than doubled or documents remain. */
    public void measureEnd() throws InterruptedException, IOException {
        Thread.sleep(1000); // the cross-file model settles after a quiet period
        // a rule still running on a file whose analysis was abandoned (TimeBox) keeps that file's model alive: give
        // it time, and name it if the heap check fails (a rule quadratic on the input is the usual cause)
        for (int waited = 0; io.archlens.analysis.TimeBox.stragglers() > 0 && waited < 10; waited++) {
            Thread.sleep(1000);
        }
        StringBuilder stuck = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, st) -> {
            if (t.getName().startsWith("archlens-rules")
                    && java.util.Arrays.stream(st).anyMatch(f -> f.getClassName().startsWith("io.archlens.rules."))) {
                stuck.append("; still running: ").append(java.util.Arrays.stream(st)
                        .filter(f -> f.getClassName().startsWith("io.archlens.")).limit(3)
                        .map(StackTraceElement::toString).collect(java.util.stream.Collectors.joining(" < ")));
            }
        });
        tally.heapEnd = liveHeap();
        tally.rssEnd = rssKb("VmRSS");
        tally.rssPeak = rssKb("VmHWM");
        if (tally.heapEnd > 2 * tally.heapStart && Boolean.getBoolean("robustness.histogram")) {
            // what the heap holds (diagnosis: -Drobustness.histogram=true)
            Process h = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(h.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            System.err.println(out.lines().limit(45).collect(java.util.stream.Collectors.joining("\n")));
        }
        if (tally.heapEnd > 2 * tally.heapStart) {
            tally.fail(Tally.Kind.MEMORY, null, String.format("live heap %.1f MB after closing every document, more "
                    + "than twice the %.1f MB at the start%s", tally.heapEnd / 1048576.0, tally.heapStart / 1048576.0, stuck));
        }
        if (server.openDocuments() != 0) {
            tally.fail(Tally.Kind.MEMORY, null, server.openDocuments() + " documents still open after closing all");
        }
    }

    public void run(Hostile h) throws IOException, InterruptedException {
        tally.inputs++;
        if (TRACE) {
            System.err.println("input " + h.reproduction() + ", " + tally.failures.size() + " failures so far");
        }
        observer.drain();
        String uri = root.resolve(h.relPath()).toUri().toString();
        boolean bounded = h.bytes().length <= FIVE_MB;
        RawClient c = server.client;
        String open = "{\"textDocument\":{\"uri\":" + ClientText.json(uri)
                + ",\"languageId\":\"plaintext\",\"version\":1,\"text\":" + ClientText.json(h.text()) + "}}";
        long t0 = System.nanoTime();
        c.notify("textDocument/didOpen", open);
        RawClient.Publish p1 = awaitVersion(h, uri, 1, t0, bounded);
        if (p1 == null) {
            return;
        }
        checkRanges(h, p1, h.text());
        checkAnalysed(h, uri, p1);

        String expected = ClientText.apply(h.text(), h.edit());
        tally.changes++;
        String change = "{\"textDocument\":{\"uri\":" + ClientText.json(uri) + ",\"version\":2},"
                + "\"contentChanges\":[{\"range\":" + range(h.edit().start(), h.edit().end()) + ",\"text\":"
                + ClientText.json(h.edit().text()) + "}]}";
        t0 = System.nanoTime();
        c.notify("textDocument/didChange", change);
        if (!serverReached(uri, 2)) {
            tally.fail(Tally.Kind.DROPPED_CHANGE, h, "the server kept version 1 after didChange " + describe(h.edit())
                    + " (no publish for version 2)");
        } else {
            RawClient.Publish p2 = awaitVersion(h, uri, 2, t0, bounded);
            if (p2 == null) {
                return;
            }
            checkRanges(h, p2, expected);
        }
        String serverText = server.document(uri).map(Document::text).orElse(null);
        if (!expected.equals(serverText)) {
            tally.fail(Tally.Kind.TEXT_MISMATCH, h, "after " + describe(h.edit()) + ": " + difference(expected, serverText));
        }
        if (!requests(h, uri, expected)) {
            return; // the server was restarted: this document is gone with it
        }
        c.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":" + ClientText.json(uri) + "}}");
        long budget = (long) (PUBLISH_BUDGET_MS * loadFactor());
        if (c.awaitPublish(uri, p -> p.version() == null && p.diagnostics().isEmpty(), budget) == null
                && server.alive()) {
            tally.fail(Tally.Kind.STALE_AFTER_CLOSE, h, "no empty publish after didClose");
        }
        c.forget(uri);
        observed(h);
        if (!server.alive()) {
            tally.fail(Tally.Kind.CRASH, h, "the server's message loop ended");
            restart();
        }
    }

    private RawClient.Publish awaitVersion(Hostile h, String uri, int version, long t0, boolean bounded)
            throws InterruptedException, IOException {
        long wait = (long) (hangMs * loadFactor());
        RawClient.Publish p = server.client.awaitPublish(uri, x -> x.version() != null && x.version() >= version, wait);
        if (p == null) {
            boolean alive = server.alive();
            observed(h);
            tally.fail(alive ? Tally.Kind.HANG : Tally.Kind.CRASH, h, "no publish for version " + version + " within "
                    + wait + " ms" + (alive ? "" : "; the server's message loop ended"));
            restart();
            return null;
        }
        double ms = (p.nanos() - t0) / 1e6;
        tally.latenciesMs.add(ms);
        if (TRACE) {
            System.err.printf("  version %d published after %.0f ms with %d diagnostics%n", version, ms,
                    p.diagnostics().size());
        }
        if (p.diagnostics().size() > DIAGNOSTICS_CAP) {
            tally.fail(Tally.Kind.UNCAPPED_OUTPUT, h, "version " + version + " published with "
                    + p.diagnostics().size() + " diagnostics (cap " + DIAGNOSTICS_CAP + ")");
        }
        if (p.version() != version) {
            tally.fail(Tally.Kind.WRONG_VERSION, h, "published version " + p.version() + ", expected " + version);
        }
        if (bounded && ms > PUBLISH_BUDGET_MS) {
            tally.overBudget++;
            double budget = PUBLISH_BUDGET_MS * loadFactor();
            if (ms > budget) {
                tally.fail(Tally.Kind.SLOW_PUBLISH, h, String.format("version %d published after %.0f ms (budget %.0f ms)",
                        version, ms, budget));
            }
        }
        return p;
    }

    /**
     * How much slower than an idle machine this one is now: the load average per core, at least 1. The 2 s
     * budget is for an idle 2-core machine; on a shared one (a CI runner next to other jobs) it is scaled by
     * this, and the publishes over the unscaled 2 s are still counted ({@link Tally#overBudget}).
     */
    static double loadFactor() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Math.max(1, load / Runtime.getRuntime().availableProcessors());
    }

    /** Whether the server's store reached {@code version} (a change it could not apply leaves it behind). */
    private boolean serverReached(String uri, int version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long) (PUBLISH_BUDGET_MS * loadFactor()));
        while (System.nanoTime() < deadline) {
            Optional<Document> d = server.document(uri);
            if (d.isPresent() && d.get().version() >= version) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    private void restart() throws IOException {
        server.abandon();
        start();
    }

    private void checkAnalysed(Hostile h, String uri, RawClient.Publish p) {
        boolean hinted = false;
        for (JsonElement d : p.diagnostics()) {
            JsonElement code = d.getAsJsonObject().get("code");
            hinted |= code != null && code.isJsonPrimitive() && NOT_ANALYZED.equals(code.getAsString());
        }
        var kind = server.document(uri).map(Document::kind).orElse(h.kind());
        boolean cannot = h.text().indexOf('\0') >= 0 || h.text().length() > Settings.DEFAULT_MAX_FILE_BYTES;
        if (cannot && !hinted && RuleBook.loadDefault().supports(kind)) {
            tally.fail(Tally.Kind.MISSING_NOT_ANALYZED_HINT, h, "a " + kind.id() + " file with "
                    + (h.text().indexOf('\0') >= 0 ? "a NUL" : "more than max-file-bytes") + " published without an "
                    + NOT_ANALYZED + " hint");
        }
        if (h.staysAnalysed() && hinted && seeds.analysed(h.seedPath())) {
            tally.fail(Tally.Kind.WRONGLY_NOT_ANALYZED, h, "a well-formed " + h.mutation() + " variant of an analysed "
                    + "file is reported as not analysed: " + Tally.abbreviate(p.diagnostics().toString()));
        }
    }

    private void checkRanges(Hostile h, RawClient.Publish p, String text) {
        int[] starts = ClientText.lineStarts(text);
        for (JsonElement d : p.diagnostics()) {
            JsonObject r = d.getAsJsonObject().getAsJsonObject("range");
            int[] s = pos(r.getAsJsonObject("start"));
            int[] e = pos(r.getAsJsonObject("end"));
            boolean inside = inside(text, starts, s) && inside(text, starts, e)
                    && (s[0] < e[0] || (s[0] == e[0] && s[1] <= e[1]));
            if (!inside) {
                tally.fail(Tally.Kind.RANGE_OUTSIDE_DOCUMENT, h, "diagnostic " + d.getAsJsonObject().get("code") + " at "
                        + r + " in a document of " + starts.length + " lines");
                return;
            }
        }
    }

    private static int[] pos(JsonObject p) {
        return new int[] {p.get("line").getAsInt(), p.get("character").getAsInt()};
    }

    private static boolean inside(String text, int[] starts, int[] p) {
        return p[0] >= 0 && p[0] < starts.length && p[1] >= 0
                && p[1] <= ClientText.lineEnd(text, starts, p[0]) - starts[p[0]];
    }

    /** False when a request hung and the server was restarted. */
    private boolean requests(Hostile h, String uri, String text) throws IOException {
        Random r = new Random(h.index());
        int[] starts = ClientText.lineStarts(text);
        String doc = "{\"uri\":" + ClientText.json(uri) + "}";
        String at = position(text, starts, r);
        String a = position(text, starts, r);
        String b = position(text, starts, r);
        return request(h, "textDocument/hover", "{\"textDocument\":" + doc + ",\"position\":" + at + "}")
                && request(h, "textDocument/documentLink", "{\"textDocument\":" + doc + "}")
                && request(h, "textDocument/codeAction", "{\"textDocument\":" + doc + ",\"range\":{\"start\":" + a
                        + ",\"end\":" + b + "},\"context\":{\"diagnostics\":[]}}")
                && request(h, "textDocument/definition", "{\"textDocument\":" + doc + ",\"position\":" + at + "}");
    }

    private static String position(String text, int[] starts, Random r) {
        ClientText.Pos p = ClientText.position(text, starts, ClientText.safeOffset(text, r.nextInt(text.length() + 1)));
        return "{\"line\":" + p.line() + ",\"character\":" + p.character() + "}";
    }

    private boolean request(Hostile h, String method, String params) throws IOException {
        tally.requests++;
        long timeout = (long) (REQUEST_TIMEOUT_MS * loadFactor());
        long t0 = System.nanoTime();
        try {
            JsonObject resp = server.client.request(method, params).get(timeout, TimeUnit.MILLISECONDS);
            tally.requestTime(method, (System.nanoTime() - t0) / 1e6);
            if (resp.has("error")) {
                tally.fail(Tally.Kind.ERROR_RESPONSE, h, method + " answered " + resp.get("error"));
            }
            return true;
        } catch (TimeoutException e) {
            tally.fail(Tally.Kind.HANG, h, method + " not answered within " + timeout + " ms");
        } catch (Exception e) {
            tally.fail(server.alive() ? Tally.Kind.HANG : Tally.Kind.CRASH, h, method + ": " + e);
        }
        observed(h);
        restart();
        return false;
    }

    private void observed(Hostile h) {
        for (Observer.Seen s : observer.drain()) {
            tally.exception(s.type());
            tally.fail(s.fatal() ? Tally.Kind.CRASH : Tally.Kind.EXCEPTION, h, s.type() + ": " + s.message());
        }
    }

    private static String range(ClientText.Pos s, ClientText.Pos e) {
        return "{\"start\":{\"line\":" + s.line() + ",\"character\":" + s.character() + "},\"end\":{\"line\":"
                + e.line() + ",\"character\":" + e.character() + "}}";
    }

    private static String describe(ClientText.Change c) {
        return "range " + c.start().line() + ":" + c.start().character() + "-" + c.end().line() + ":"
                + c.end().character() + " text " + ClientText.json(Tally.abbreviate(c.text()));
    }

    private static String difference(String want, String got) {
        if (got == null) {
            return "the server has no such document";
        }
        int i = 0;
        while (i < want.length() && i < got.length() && want.charAt(i) == got.charAt(i)) {
            i++;
        }
        return "client has " + want.length() + " chars, server " + got.length() + "; first difference at offset " + i;
    }

    @Override
    public void close() {
        server.close();
        observer.close();
    }
}
