package io.archlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Benchmark of the real server process (the shaded jar over stdio): start-up time to the initialize
 * response, didChange → publishDiagnostics latency on a 2,000-line Dockerfile, and resident memory after
 * opening 100 documents. Not a unit test. Run from the repository root after {@code mvn -B package}:
 * <pre>java -cp server/target/archlens.jar:server/target/test-classes io.archlens.bench.LspBench</pre>
 */
public final class LspBench {
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "server/target/archlens.jar");
        // the first third of the edits is warm-up; more edits give steadier percentiles (-Dbench.edits=1200)
        int edits = Integer.getInteger("bench.edits", 300);
        // extra server JVM options, e.g. a flight recording: -Dbench.serverOpts="-XX:StartFlightRecording=..."
        String extra = System.getProperty("bench.serverOpts", "").strip();
        // -Dbench.launcher=bin/archlens: start the server as users do, with the launcher's JVM options (which
        // exec's java, so the process measured is the server); extra options then go through ARCHLENS_JAVA_OPTS
        String launcher = System.getProperty("bench.launcher", "").strip();
        List<String> cmd = new ArrayList<>();
        if (launcher.isEmpty()) {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xss4m"));
            if (!extra.isEmpty()) {
                cmd.addAll(List.of(extra.split("\\s+")));
            }
            cmd.addAll(List.of("-jar", jar.toString(), "lsp"));
        } else {
            cmd.addAll(List.of(launcher, "lsp"));
        }
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (!launcher.isEmpty() && !extra.isEmpty()) {
            pb.environment().put("ARCHLENS_JAVA_OPTS", extra);
        }
        Process p = pb.start();
        Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
        Map<String, Integer> wantVersion = new ConcurrentHashMap<>();
        LanguageClient client = new BenchClient(waiting, wantVersion);
        Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
        l.startListening();
        LanguageServer server = l.getRemoteProxy();
        InitializeParams ip = new InitializeParams();
        ip.setCapabilities(new ClientCapabilities());
        // the workspace: a copy of the bundled example project (a realistic size for one service repository)
        Path ws = Files.createTempDirectory("archlens-lsp-bench");
        Path examples = Path.of("examples");
        try (var s = Files.walk(examples)) {
            for (Path src : (Iterable<Path>) s::iterator) {
                Path dst = ws.resolve(examples.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst);
                }
            }
        }
        ip.setWorkspaceFolders(List.of(new WorkspaceFolder(ws.toUri().toString(), "w")));
        server.initialize(ip).get(30, TimeUnit.SECONDS);
        double startMs = (System.nanoTime() - t0) / 1e6;
        server.initialized(new InitializedParams());
        Thread.sleep(1500); // the workspace index runs after initialized
        long idleKb = status(p.pid(), "VmRSS:");

        String uri = ws.resolve("bench/Dockerfile").toUri().toString();
        String text = dockerfile(2000);
        CompletableFuture<Void> first = new CompletableFuture<>();
        waiting.put(uri, first);
        wantVersion.put(uri, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dockerfile", 1, text)));
        first.get(30, TimeUnit.SECONDS);

        List<Double> lat = new ArrayList<>();
        for (int v = 2; v < 2 + edits; v++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            waiting.put(uri, done);
            wantVersion.put(uri, v);
            int line = 1 + (v * 37) % 1900;
            long s = System.nanoTime();
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, v), List.of(new TextDocumentContentChangeEvent(
                            new Range(new Position(line, 0), new Position(line, 0)), "# edit " + v + "\n"))));
            done.get(30, TimeUnit.SECONDS);
            lat.add((System.nanoTime() - s) / 1e6);
        }
        List<Double> warm = new ArrayList<>(lat.subList(edits / 3, lat.size()));
        Collections.sort(warm);

        // the same on 1,000-line service files: the tree-sitter languages (incremental reparse per edit) and Java
        List<String> codeLines = new ArrayList<>();
        String[][] code = {{"bench/app.py", "python", CodeSamples.python(1000), "# edit "},
            {"bench/server.ts", "typescript", CodeSamples.typescript(1000), "// edit "},
            {"bench/orders.go", "go", CodeSamples.go(1000), "// edit "},
            {"bench/src/main/java/shop/Shop.java", "java", CodeBench.spring(1000), "// edit "}};
        for (String[] c : code) {
            String cu = ws.resolve(c[0]).toUri().toString();
            CompletableFuture<Void> opened0 = new CompletableFuture<>();
            waiting.put(cu, opened0);
            wantVersion.put(cu, 1);
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(cu, c[1], 1, c[2])));
            opened0.get(30, TimeUnit.SECONDS);
            List<Double> cl = new ArrayList<>();
            int lines = (int) c[2].chars().filter(ch -> ch == '\n').count();
            for (int v = 2; v < 2 + edits; v++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                waiting.put(cu, done);
                wantVersion.put(cu, v);
                int line = 1 + (v * 37) % (lines - 10);
                long s = System.nanoTime();
                server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(cu, v), List.of(new TextDocumentContentChangeEvent(
                                new Range(new Position(line, 0), new Position(line, 0)), c[3] + v + "\n"))));
                done.get(30, TimeUnit.SECONDS);
                cl.add((System.nanoTime() - s) / 1e6);
            }
            List<Double> w = new ArrayList<>(cl.subList(edits / 3, cl.size()));
            Collections.sort(w);
            codeLines.add(String.format("didChange -> publishDiagnostics on a %d-line %s file: median %.2f ms, p95 %.2f ms,"
                    + " max %.2f ms", lines, c[1], pct(w, 50), pct(w, 95), w.get(w.size() - 1)));
        }

        // 100 documents of mixed kinds from the examples and fixtures
        List<Path> docs = new ArrayList<>();
        for (String root : List.of("examples", "server/src/test/resources/fixtures")) {
            if (Files.isDirectory(Path.of(root))) {
                try (var s = Files.walk(Path.of(root))) {
                    s.filter(Files::isRegularFile).forEach(docs::add);
                }
            }
        }
        int opened = 0;
        for (int i = 0; opened < 100 && !docs.isEmpty(); i++) {
            Path d = docs.get(i % docs.size());
            String u = d.toAbsolutePath().toUri().toString() + (i >= docs.size() ? "#" + i : "");
            CompletableFuture<Void> done = new CompletableFuture<>();
            waiting.put(u, done);
            wantVersion.put(u, 1);
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(u, "plaintext", 1, Files.readString(d))));
            opened++;
        }
        Thread.sleep(1500);
        long rssKb = status(p.pid(), "VmRSS:");
        long peakKb = status(p.pid(), "VmHWM:");
        if (Boolean.getBoolean("bench.histogram")) { // what the heap holds now (jcmd collects first)
            // (the native memory summary needs ARCHLENS_JAVA_OPTS=-XX:NativeMemoryTracking=summary)
            for (String what : List.of("GC.class_histogram", "VM.native_memory")) {
                Process h = new ProcessBuilder("jcmd", String.valueOf(p.pid()), what).redirectErrorStream(true).start();
                h.getInputStream().transferTo(System.out);
                h.waitFor(30, TimeUnit.SECONDS);
            }
        }
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        p.waitFor(10, TimeUnit.SECONDS);

        System.out.printf("server start-up to initialize response: %.0f ms%n", startMs);
        System.out.printf("didChange -> publishDiagnostics on a 2,000-line Dockerfile (%d edits after warm-up): "
                + "median %.2f ms, p95 %.2f ms, max %.2f ms%n", warm.size(), pct(warm, 50), pct(warm, 95),
                warm.get(warm.size() - 1));
        codeLines.forEach(System.out::println);
        System.out.printf("resident memory idle after initialize: %d MB; after opening %d documents: %d MB; "
                + "peak: %d MB%n", idleKb / 1024, opened, rssKb / 1024, peakKb / 1024);
    }

    static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    /** A size field of /proc/PID/status, in KB ({@code VmRSS:} resident now, {@code VmHWM:} its peak). */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    public static String dockerfile(int lines) {
        StringBuilder sb = new StringBuilder("FROM node:18 AS build\nWORKDIR /app\nCOPY package*.json ./\n");
        int n = 3;
        while (n < lines - 6) {
            sb.append("RUN apt-get update && apt-get install -y curl ca-certificates \\\n")
              .append("    && rm -rf /var/lib/apt/lists/*\n")
              .append("ENV VAR_").append(n).append("=value").append(n).append('\n')
              .append("# a comment line ").append(n).append('\n');
            n += 4;
        }
        sb.append("COPY . .\nRUN npm ci\nFROM node:18-slim\nUSER node\nEXPOSE 8080\nCMD [\"node\", \"server.js\"]\n");
        return sb.toString();
    }

    static final class BenchClient implements LanguageClient {
        private final Map<String, CompletableFuture<Void>> waiting;
        private final Map<String, Integer> wantVersion;

        BenchClient(Map<String, CompletableFuture<Void>> waiting, Map<String, Integer> wantVersion) {
            this.waiting = waiting;
            this.wantVersion = wantVersion;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            Integer want = wantVersion.get(d.getUri());
            if (want != null && d.getVersion() != null && d.getVersion() >= want) {
                CompletableFuture<Void> f = waiting.get(d.getUri());
                if (f != null) {
                    f.complete(null);
                }
            }
        }

        @Override public void telemetryEvent(Object o) { }
        @Override public void showMessage(MessageParams m) { }
        @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
            return CompletableFuture.completedFuture(null);
        }
        @Override public void logMessage(MessageParams m) { }
    }
}
