package io.archlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Resident memory of the server as an editor starts it (the launcher, its JVM options and class-data archive):
 * idle after {@code initialize}, then after opening 100 documents of every kind the examples and fixtures hold
 * (taken in turn by file type: Dockerfiles, Compose and Kubernetes YAML, SQL, Terraform, nginx, Java, Python,
 * JavaScript, TypeScript, Go, properties, OpenAPI JSON, .env...), each waited for until published. A fresh server
 * per run; {@link LspBench} measures the same after a long typing session. Not a unit test. From the repository
 * root, after {@code mvn -B package} and one {@code bin/archlens check examples} (which writes the archives):
 * <pre>java -cp server/target/archlens.jar:server/target/test-classes io.archlens.bench.FootprintBench</pre>
 * ({@code -Dbench.runs=5}, {@code -Dbench.launcher=PATH}).
 */
public final class FootprintBench {
    private static final Set<String> SKIP = Set.of(".md", ".txt", ".png", ".jar", ".crt", ".key", ".pem");

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        String launcher = System.getProperty("bench.launcher", "bin/archlens");
        List<Path> docs = hundredOfEveryKind();
        List<long[]> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long[] kb = run(launcher, docs);
            results.add(kb);
            System.out.printf("run %d: idle %d MB; after %d documents %d MB; peak %d MB%n", r + 1, kb[0] / 1024,
                    docs.size(), kb[1] / 1024, kb[2] / 1024);
        }
        System.out.printf("median of %d runs: idle %d MB; after %d documents of every kind %d MB; peak %d MB%n", runs,
                median(results, 0) / 1024, docs.size(), median(results, 1) / 1024, median(results, 2) / 1024);
    }

    private static long median(List<long[]> rs, int i) {
        List<Long> v = new ArrayList<>();
        rs.forEach(r -> v.add(r[i]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }

    /** 100 files from the examples and fixtures, one of each file type in turn. */
    static List<Path> hundredOfEveryKind() throws Exception {
        Map<String, List<Path>> byType = new LinkedHashMap<>();
        for (String root : List.of("examples", "server/src/test/resources/fixtures")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = f.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    String type = dot > 0 ? name.substring(dot) : name;
                    if (!SKIP.contains(type)) {
                        byType.computeIfAbsent(type, k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        List<Path> picked = new ArrayList<>();
        while (picked.size() < 100 && byType.values().stream().anyMatch(l -> !l.isEmpty())) {
            for (List<Path> l : byType.values()) {
                if (!l.isEmpty() && picked.size() < 100) {
                    picked.add(l.remove(0));
                }
            }
        }
        return picked;
    }

    /** Idle RSS, RSS after the documents, and peak RSS, in KB. */
    private static long[] run(String launcher, List<Path> docs) throws Exception {
        Process p = new ProcessBuilder(launcher, "lsp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
            Map<String, Integer> wantVersion = new ConcurrentHashMap<>();
            Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(
                    new LspBench.BenchClient(waiting, wantVersion), p.getInputStream(), p.getOutputStream());
            l.startListening();
            LanguageServer server = l.getRemoteProxy();
            InitializeParams ip = new InitializeParams();
            ip.setCapabilities(new ClientCapabilities());
            String root = Path.of("examples").toAbsolutePath().toUri().toString();
            ip.setWorkspaceFolders(List.of(new WorkspaceFolder(root, "examples")));
            server.initialize(ip).get(30, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
            Thread.sleep(1500); // the workspace index runs after initialized
            long idle = LspBench.status(p.pid(), "VmRSS:");
            List<CompletableFuture<Void>> published = new ArrayList<>();
            for (Path d : docs) {
                String uri = d.toAbsolutePath().toUri().toString();
                CompletableFuture<Void> done = new CompletableFuture<>();
                waiting.put(uri, done);
                wantVersion.put(uri, 1);
                published.add(done);
                server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                        new TextDocumentItem(uri, "plaintext", 1,
                                new String(Files.readAllBytes(d), java.nio.charset.StandardCharsets.UTF_8))));
            }
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Thread.sleep(1500);
            long after = LspBench.status(p.pid(), "VmRSS:");
            long peak = LspBench.status(p.pid(), "VmHWM:");
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            p.waitFor(10, TimeUnit.SECONDS);
            return new long[] {idle, after, peak};
        } finally {
            p.destroyForcibly();
        }
    }
}
