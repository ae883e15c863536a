package io.archlens.bench;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.core.Log;
import io.archlens.filekind.FileKind;
import io.archlens.lsp.LspHarness;
import io.archlens.model.CrossFileAnalysis;
import io.archlens.model.SystemIndex;
import io.archlens.model.SystemModel;
import io.archlens.workspace.WorkspaceIndexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * The cross-file model on a generated 10,000-file workspace: 500 services, each with a Dockerfile, a Spring
 * application.yml, Kubernetes manifests, an nginx snippet for every fifth, a Compose project per 10 services, a
 * .env, a Flyway migration, ten Java sources (a controller with routes, an environment read and a URL of the next
 * service; an entity with its repository; eight small classes), plus READMEs the index skips. Measures (1) indexing time and retained heap, (2) the
 * project rules over the full model, (3) one file changed (a Spring file, then a Java file: parse, code facts, rules): re-extract it
 * and re-run the rules, against a full re-analysis, (4) over JSON-RPC: a server indexing the workspace in the background while hover requests on an
 * open document are answered. Not a unit test. Run from the repository root after
 * {@code mvn -q -B -f server/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * <pre>cd server && java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.SystemBench</pre>
 */
public final class SystemBench {
    static final int SERVICES = 500;

    public static void main(String[] args) throws Exception {
        Log.setStderr(false);
        Path root = Files.createTempDirectory("archlens-system-bench");
        try {
            int files = generate(root);
            RuleBook book = RuleBook.loadDefault();
            System.out.printf("workspace: %d files (%d services)%n", files, SERVICES);

            // warm-up: index twice
            for (int i = 0; i < 2; i++) {
                SystemIndex warm = new SystemIndex(book, SystemModel.FileProbe.DISK);
                WorkspaceIndexer.index(warm, root, root, Settings.DEFAULTS, u -> false, () -> false, n -> { }, (m, e) -> { });
                warm.analyze(Settings.DEFAULTS, (m, e) -> { });
            }
            long heap0 = usedHeap();
            List<Double> indexTimes = new ArrayList<>();
            SystemIndex index = null;
            WorkspaceIndexer.Stats stats = null;
            for (int i = 0; i < 3; i++) {
                index = null;
                heap0 = usedHeap();
                SystemIndex idx = new SystemIndex(book, SystemModel.FileProbe.DISK);
                long t0 = System.nanoTime();
                stats = WorkspaceIndexer.index(idx, root, root, Settings.DEFAULTS, u -> false, () -> false, n -> { },
                        (m, e) -> { });
                indexTimes.add((System.nanoTime() - t0) / 1e6);
                index = idx;
            }
            long heap1 = usedHeap();
            System.out.printf("index: %d candidates, %d configuration files indexed; median %.0f ms of 3 runs; "
                    + "retained heap %.1f MB%n", stats.candidates(), stats.indexed(), median(indexTimes),
                    (heap1 - heap0) / 1048576.0);

            List<Double> ruleTimes = new ArrayList<>();
            CrossFileAnalysis.Result full = null;
            for (int i = 0; i < 15; i++) {
                index.invalidateProbes(); // forget the projects' last rule runs too: this measures a full run
                long t0 = System.nanoTime();
                full = index.analyze(Settings.DEFAULTS, (m, e) -> { });
                ruleTimes.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("model + %d project rules over the full index: median %.1f ms, p95 %.1f ms; %d workloads, "
                    + "%d cross-file findings%n", book.projectRules().size(), median(ruleTimes), p95(ruleTimes),
                    full.workloads(), full.count());

            // one file changes (the editor's buffer): re-extract it, rebuild the model from stored facts, re-run rules
            Path app = root.resolve("svc-7/src/main/resources/application.yml");
            String text = Files.readString(app);
            List<Double> updateTimes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String edited = text.replace("port: 8080", i % 2 == 0 ? "port: 8081" : "port: 8080");
                SourceFile f = new SourceFile(app.toUri().toString(), "svc-7/src/main/resources/application.yml",
                        edited, FileKind.SPRING_YAML, i + 2);
                long t0 = System.nanoTime();
                index.update(f, null, (m, e) -> { });
                CrossFileAnalysis.Result r = index.analyze(Settings.DEFAULTS, (m, e) -> { });
                updateTimes.add((System.nanoTime() - t0) / 1e6);
                if (i == 0 && r.count() == full.count()) {
                    throw new AssertionError("the edit should change the findings");
                }
            }
            System.out.printf("one file changed (re-extract 1 file + model + rules): median %.1f ms, p95 %.1f ms%n",
                    median(updateTimes), p95(updateTimes));
            // one Java file changes: JavaParser parse and code facts of that file, then its project's rules
            Path code = root.resolve("svc-7/src/main/java/app/C0.java");
            String src = Files.readString(code);
            List<Double> codeTimes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String edited = i % 2 == 0 ? src.replace("System.getenv(\"APP_NAME\")", "\"fixed\"") : src;
                SourceFile f = new SourceFile(code.toUri().toString(), "svc-7/src/main/java/app/C0.java", edited,
                        FileKind.JAVA, i + 2);
                long t0 = System.nanoTime();
                index.update(f, null, (m, e) -> { });
                CrossFileAnalysis.Result r = index.analyze(Settings.DEFAULTS, (m, e) -> { });
                codeTimes.add((System.nanoTime() - t0) / 1e6);
                if (i == 0 && r.count() == full.count()) {
                    throw new AssertionError("the code edit should change the findings");
                }
            }
            System.out.printf("one Java file changed (parse + code facts + model + rules): median %.1f ms, p95 %.1f ms%n",
                    median(codeTimes), p95(codeTimes));
            List<Double> fullTimes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                SystemIndex again = new SystemIndex(book, SystemModel.FileProbe.DISK);
                WorkspaceIndexer.index(again, root, root, Settings.DEFAULTS, u -> false, () -> false, n -> { }, (m, e) -> { });
                again.analyze(Settings.DEFAULTS, (m, e) -> { });
                fullTimes.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("full re-analysis instead (re-read and re-extract %d files + model + rules): median %.0f ms%n",
                    stats.indexed(), median(fullTimes));

            lsp(root);
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** The server indexes in the background; hovers on an open document are answered meanwhile. */
    static void lsp(Path root) throws Exception {
        try (LspHarness h = LspHarness.start()) {
            String uri = root.resolve("svc-3/docker-compose.yml").toUri().toString();
            long t0 = System.nanoTime();
            h.initialize(root.toUri().toString(), LspHarness.capabilities(false, true), null);
            double initMs = (System.nanoTime() - t0) / 1e6;
            h.open(uri, Files.readString(root.resolve("svc-3/docker-compose.yml")));
            List<Double> hovers = new ArrayList<>();
            boolean indexed = false;
            double indexedMs = 0;
            while (!indexed && (System.nanoTime() - t0) < TimeUnit.SECONDS.toNanos(120)) {
                long s = System.nanoTime();
                Hover hv = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                        new Position(1, 3))).get(30, TimeUnit.SECONDS);
                hovers.add((System.nanoTime() - s) / 1e6);
                indexed = h.client.logs.stream().anyMatch(m -> m.getMessage().startsWith("indexed "));
                if (indexed) {
                    indexedMs = (System.nanoTime() - t0) / 1e6;
                }
                Thread.sleep(50);
            }
            String line = h.client.logs.stream().map(m -> m.getMessage()).filter(m -> m.startsWith("indexed "))
                    .findFirst().orElse("(not finished)");
            h.server.shutdown().get(10, TimeUnit.SECONDS);
            System.out.printf("LSP: initialize answered in %.0f ms; background indexing done after %.0f ms (%s); "
                    + "%d hovers meanwhile: median %.1f ms, max %.1f ms%n", initMs, indexedMs, line, hovers.size(),
                    median(hovers), Collections.max(hovers));
        }
    }

    public static int generate(Path root) throws Exception {
        int n = 0;
        for (int i = 0; i < SERVICES; i++) {
            Path d = root.resolve("svc-" + i);
            n += write(d.resolve("Dockerfile"), "FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nEXPOSE 8080\n"
                    + "CMD [\"java\", \"-jar\", \"/app.jar\"]\n");
            n += write(d.resolve("src/main/resources/application.yml"), "server:\n  port: 8080\nspring:\n  datasource:\n"
                    + "    url: jdbc:postgresql://db-" + (i / 10) + ":5432/app\n    hikari:\n      maximum-pool-size: 8\n"
                    + "  data:\n    redis:\n      host: cache\nmanagement:\n  endpoints:\n    web:\n      exposure:\n"
                    + "        include: health,info\n");
            n += write(d.resolve("k8s/deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-" + i
                    + "\n  namespace: ns-" + (i / 10) + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: svc-" + i
                    + "}\n  template:\n    metadata:\n      labels: {app: svc-" + i + "}\n    spec:\n      containers:\n"
                    + "        - name: app\n          image: registry.example.com/svc-" + i + ":1.0.0\n          ports:\n"
                    + "            - containerPort: 8080\n          resources:\n            requests: {cpu: 100m, memory: 256Mi}\n"
                    + "          readinessProbe:\n            httpGet: {path: /actuator/health/readiness, port: 8080}\n---\n"
                    + "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-" + i + "\n  namespace: ns-" + (i / 10)
                    + "\nspec:\n  selector: {app: svc-" + i + "}\n  ports:\n    - port: 80\n      targetPort: 8080\n");
            n += write(d.resolve(".env"), "APP_NAME=svc-" + i + "\nLOG_LEVEL=info\n");
            if (i % 5 == 0) {
                n += write(d.resolve("nginx/site.conf"), "server {\n  listen 80;\n  location / {\n    proxy_pass http://svc-"
                        + (i + 1) + ":8080;\n  }\n}\n");
            }
            n += write(d.resolve("src/main/java/app/C0.java"), controller(i));
            n += write(d.resolve("src/main/java/app/C1.java"), "package app;\n@Entity\n@Table(name = \"items\")\n"
                    + "class C1 {\n  @Id Long id;\n  @Column(name = \"title\") String title;\n}\n"
                    + "interface Items extends JpaRepository<C1, Long> {\n  java.util.List<C1> findByTitle(String t);\n}\n");
            n += write(d.resolve("src/main/resources/db/migration/V1__items.sql"),
                    "CREATE TABLE items (id BIGINT PRIMARY KEY, title TEXT);\nCREATE INDEX items_title ON items (title);\n");
            for (int j = 2; j < 10; j++) {
                n += write(d.resolve("src/main/java/app/C" + j + ".java"), "package app;\nclass C" + j + " {}\n");
            }
            n += write(d.resolve("README.md"), "# svc-" + i + "\n");
        }
        for (int g = 0; g < SERVICES / 10; g++) {
            StringBuilder sb = new StringBuilder("services:\n");
            for (int i = g * 10; i < g * 10 + 10; i++) {
                sb.append("  svc-").append(i).append(":\n    build: ../svc-").append(i).append("\n    ports:\n      - \"")
                        .append(18000 + i).append(":8080\"\n    depends_on: [db-").append(g).append("]\n");
            }
            sb.append("  db-").append(g).append(":\n    image: postgres:16.2\n  cache:\n    image: redis:7.2\n");
            n += write(root.resolve("svc-" + (g * 10 + 3)).resolve("docker-compose.yml"), sb.toString());
        }
        while (n < 10_000) {
            n += write(root.resolve("docs/page-" + n + ".md"), "# page\n");
        }
        return n;
    }

    /** A controller: routes, an environment read, a URL of the next service, an injected property. */
    static String controller(int i) {
        return "package app;\nimport org.springframework.web.bind.annotation.*;\n@RestController\n@RequestMapping(\"/api\")\n"
                + "class C0 {\n  private final String token = System.getenv(\"APP_NAME\");\n"
                + "  private static final String NEXT = \"http://svc-" + (i + 1) + ":8080/api/items\";\n"
                + "  @Value(\"${server.port}\") int port;\n"
                + "  @GetMapping(\"/items\") Object list() { return null; }\n"
                + "  @GetMapping(\"/items/{id}\") Object get(@PathVariable long id) { return null; }\n"
                + "  @PostMapping(\"/items\") Object create() { return null; }\n}\n";
    }

    static int write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return 1;
    }

    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static double p95(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1));
    }
}
