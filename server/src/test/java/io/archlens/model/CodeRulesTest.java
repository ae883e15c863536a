package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.CodeModel;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code-meets-configuration rules over real files: Java code, Compose, Kubernetes, Spring, SQL, OpenAPI. */
class CodeRulesTest {
    @TempDir
    Path root;

    private void write(String rel, String text) {
        Workspaces.write(root, rel, text);
    }

    private List<Finding> found(String path, String rule) {
        Map<String, List<Finding>> all = Workspaces.check(root, Settings.fromMap(Map.of("profile", "strict")));
        List<Finding> out = new ArrayList<>();
        for (Finding f : all.getOrDefault(path, List.of())) {
            if (f.ruleId().equals(rule)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A Compose service {@code api} built from {@code api/} with a Spring configuration. */
    private void springApi(String composeExtra, String appYaml) {
        write("docker-compose.yml", "services:\n  api:\n    build: ./api\n" + composeExtra);
        write("api/Dockerfile", "FROM eclipse-temurin:21-jre\nEXPOSE 8080\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        write("api/src/main/resources/application.yml", "server:\n  port: 8080\n" + appYaml);
    }

    private void java(String rel, String text) {
        write("api/src/main/java/shop/" + rel, "package shop;\n" + text);
    }

    @Test
    void envReadWithoutDefaultThatNothingSetsIsReportedOnTheWorkload() {
        springApi("    environment:\n      TOKEN: x\n", "");
        java("Client.java", "class Client {\n  String a = System.getenv(\"TOKEN\");\n  String b = System.getenv(\"SECRET_KEY\");\n"
                + "  String c = System.getProperty(\"x\", System.getenv().getOrDefault(\"OPT\", \"d\"));\n}\n");
        List<Finding> f = found("docker-compose.yml", "arch/env-not-provided");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("SECRET_KEY") && !f.get(0).message().contains("TOKEN,"), f.get(0).message());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).related().get(0).uri().endsWith("Client.java"));
        // an env file the service loads provides it
        write("api/app.env", "SECRET_KEY=s\n");
        write("docker-compose.yml", "services:\n  api:\n    build: ./api\n    env_file: ./api/app.env\n"
                + "    environment:\n      TOKEN: x\n");
        assertEquals(List.of(), found("docker-compose.yml", "arch/env-not-provided"));
    }

    @Test
    void kubernetesEnvFromAConfigMapOfTheWorkspaceProvidesAndAnUnknownOneSilences() {
        write("api/Dockerfile", "FROM eclipse-temurin:21-jre\n");
        write("api/src/main/java/shop/Client.java", "package shop;\nclass Client { String a = System.getenv(\"FEATURE\"); }\n");
        write("k8s/api.yaml", Workspaces.deployment("api", "registry.example.com/api:1.0.0",
                "envFrom:\n  - configMapRef: {name: api-config}\n") + "---\napiVersion: v1\nkind: ConfigMap\n"
                + "metadata:\n  name: api-config\ndata:\n  OTHER: \"1\"\n");
        assertEquals(1, found("k8s/api.yaml", "arch/env-not-provided").size());
        write("k8s/api.yaml", Workspaces.deployment("api", "registry.example.com/api:1.0.0",
                "envFrom:\n  - configMapRef: {name: elsewhere}\n"));
        assertEquals(List.of(), found("k8s/api.yaml", "arch/env-not-provided"));
    }

    @Test
    void envSetButNeverReadIsAHintForCodeFullyInView() {
        write("docker-compose.yml", "services:\n  audit:\n    build: ./audit\n    environment:\n      PORT: \"7070\"\n"
                + "      LEVEL: full\n      JAVA_OPTS: -Xmx1g\n");
        write("audit/Dockerfile", "FROM eclipse-temurin:21-jre\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        write("audit/src/main/java/a/Main.java", "package a;\nclass Main { int p = Integer.parseInt(System.getenv(\"PORT\")); }\n");
        List<Finding> f = found("docker-compose.yml", "arch/env-never-read");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("LEVEL"));
        assertEquals(Severity.INFO, f.get(0).severity());
    }

    @Test
    void valueWithoutDefaultNeedsAPropertySomewhere() {
        springApi("    environment:\n      SHOP_REGION: eu\n", "shop:\n  name: x\n");
        java("Conf.java", "class Conf {\n  @Value(\"${shop.name}\") String a;\n  @Value(\"${shop.region}\") String b;\n"
                + "  @Value(\"${shop.limit:10}\") int c;\n  @Value(\"${shop.missing-key}\") String d;\n}\n");
        List<Finding> f = found("api/src/main/java/shop/Conf.java", "arch/spring-property-not-provided");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("shop.missing-key"), f.get(0).message());
    }

    @Test
    void routesAndTheSpecAreComparedBothWays() {
        springApi("", "server:\n  servlet:\n    context-path: /shop\n".replace("server:\n", ""));
        write("api/src/main/resources/application.yml", "server:\n  port: 8080\n  servlet:\n    context-path: /shop\n");
        java("Api.java", "@RestController\n@RequestMapping(\"/orders\")\nclass Api {\n  @GetMapping(\"/{id}\") Object get() { return null; }\n"
                + "  @PostMapping Object post() { return null; }\n  @GetMapping(\"/export\") Object export() { return null; }\n}\n");
        write("api/openapi.yaml", "openapi: 3.0.3\ninfo: {title: api, version: '1'}\nservers:\n  - url: https://api.example.com/shop\n"
                + "paths:\n  /orders/{orderId}:\n    get:\n      responses: {'200': {description: ok}}\n"
                + "  /orders:\n    post:\n      responses: {'201': {description: ok}}\n    get:\n"
                + "      responses: {'200': {description: ok}}\n");
        List<Finding> undocumented = found("api/src/main/java/shop/Api.java", "arch/route-not-documented");
        assertEquals(1, undocumented.size(), undocumented.toString());
        assertTrue(undocumented.get(0).message().contains("/shop/orders/export"), undocumented.get(0).message());
        List<Finding> unserved = found("api/openapi.yaml", "arch/route-not-served");
        assertEquals(1, unserved.size(), unserved.toString());
        assertTrue(unserved.get(0).message().contains("GET /orders"), unserved.get(0).message());
        assertEquals(Severity.ERROR, unserved.get(0).severity());
    }

    @Test
    void aProbeOnAPathNoRouteServes() {
        write("docker-compose.yml", "services:\n  web:\n    build: ./web\n    healthcheck:\n"
                + "      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/ready\"]\n");
        write("web/Dockerfile", "FROM eclipse-temurin:21-jre\n");
        write("web/src/main/resources/application.properties", "server.port=8080\n");
        write("web/src/main/java/w/Api.java", "package w;\n@RestController\nclass Api {\n  @GetMapping(\"/health/{part}\") Object h() { return null; }\n}\n");
        assertEquals(1, found("docker-compose.yml", "arch/probe-path-not-served").size());
        write("docker-compose.yml", "services:\n  web:\n    build: ./web\n    healthcheck:\n"
                + "      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health/live\"]\n");
        assertEquals(List.of(), found("docker-compose.yml", "arch/probe-path-not-served"));
    }

    @Test
    void portsTheCodeBindsJoinThePortChain() {
        write("docker-compose.yml", "services:\n  svc:\n    build: ./svc\n    ports:\n      - \"9000:9000\"\n");
        write("svc/Dockerfile", "FROM eclipse-temurin:21-jre\n");
        write("svc/src/main/java/s/Main.java", "package s;\nclass Main { void m() throws Exception { new java.net.ServerSocket(8080); } }\n");
        List<Finding> f = found("docker-compose.yml", "arch/port-mismatch");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("8080 (bound in the code)"), f.get(0).message());
    }

    @Test
    void urlsInTheCodeMustNameAServiceAndAPortItServes() {
        springApi("  stock:\n    image: registry.example.com/stock:1.0.0\n    expose:\n      - \"8080\"\n", "");
        java("Calls.java", "class Calls {\n  String a = \"http://stock:9999/x\";\n  String b = \"http://nowhere:8080/x\";\n"
                + "  String c = \"https://api.github.com/repos\";\n  String d = \"http://stock:8080/ok\";\n}\n");
        List<Finding> f = found("api/src/main/java/shop/Calls.java", "arch/unknown-service-url");
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("stock:9999") && f.get(1).message().contains("'nowhere'"), f.toString());
    }

    private void orders(String entity, String... migrations) {
        springApi("", "");
        java("Order.java", entity);
        for (int i = 0; i < migrations.length; i++) {
            write("api/src/main/resources/db/migration/V" + (i + 1) + "__m.sql", migrations[i]);
        }
    }

    @Test
    void entitiesAgainstMigrations() {
        orders("@Entity\n@Table(name = \"orders\")\nclass Order {\n  @Id Long id;\n  @Column(name = \"note\") String note;\n"
                + "  String shippingAddress;\n  @Column(name = \"old\") String old;\n}\n"
                + "interface Orders extends JpaRepository<Order, Long> {\n  List<Order> findByShippingAddress(String a);\n"
                + "  List<Order> findById2(Long id);\n}\n",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, old TEXT);\n",
                "ALTER TABLE orders DROP COLUMN old;\n");
        List<Finding> missing = found("api/src/main/java/shop/Order.java", "arch/entity-not-migrated");
        assertEquals(2, missing.size(), missing.toString());
        assertEquals(Severity.ERROR, missing.get(0).severity()); // note: written in @Column
        assertEquals(Severity.WARNING, missing.get(1).severity()); // shipping_address: derived
        assertTrue(missing.get(1).message().contains("assumed"), missing.get(1).message());
        List<Finding> dropped = found("api/src/main/resources/db/migration/V2__m.sql", "arch/entity-column-dropped");
        assertEquals(1, dropped.size(), dropped.toString());
        assertTrue(dropped.get(0).related().get(0).uri().endsWith("Order.java"));
    }

    @Test
    void findersOnColumnsWithoutAnIndex() {
        orders("@Entity\n@Table(name = \"orders\")\nclass Order {\n  @Id Long id;\n  String email;\n  String status;\n}\n"
                + "interface Orders extends JpaRepository<Order, Long> {\n  List<Order> findByEmail(String e);\n"
                + "  List<Order> findByStatusAndEmail(String s, String e);\n  List<Order> findByStatus(String s);\n}\n",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, email TEXT, status TEXT);\nCREATE INDEX i ON orders (email);\n");
        List<Finding> f = found("api/src/main/java/shop/Order.java", "arch/finder-without-index");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().startsWith("findByStatus filters"), f.get(0).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void ddlAutoUpdateBesideMigrations() {
        springApi("", "spring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n");
        write("api/src/main/resources/db/migration/V1__init.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n");
        assertEquals(1, found("api/src/main/resources/application.yml", "arch/ddl-auto-with-migrations").size());
        write("api/src/main/resources/application.yml", "spring:\n  jpa:\n    hibernate:\n      ddl-auto: validate\n");
        assertEquals(List.of(), found("api/src/main/resources/application.yml", "arch/ddl-auto-with-migrations"));
    }

    @Test
    void aCodeEditReusesThePartitionAndMatchesAFreshIndex() throws Exception {
        springApi("", "");
        java("Client.java", "class Client { String a = \"x\"; }\n");
        RuleBook book = RuleBook.loadDefault();
        SystemIndex index = new SystemIndex(book, SystemModel.FileProbe.DISK);
        io.archlens.workspace.WorkspaceIndexer.index(index, root, root, Settings.DEFAULTS, u -> false, () -> false,
                n -> { }, (m, e) -> { });
        assertEquals(0, index.analyze(Settings.DEFAULTS, (m, e) -> { }).count());
        Path code = root.resolve("api/src/main/java/shop/Client.java");
        String edited = "package shop;\nclass Client { String a = System.getenv(\"TOKEN\"); }\n";
        index.update(new SourceFile(code.toUri().toString(), "api/src/main/java/shop/Client.java", edited,
                FileKind.JAVA, 2), null, (m, e) -> { });
        CrossFileAnalysis.Result after = index.analyze(Settings.DEFAULTS, (m, e) -> { });
        assertEquals(1, after.count());
        java.nio.file.Files.writeString(code, edited);
        SystemIndex fresh = new SystemIndex(book, SystemModel.FileProbe.DISK);
        io.archlens.workspace.WorkspaceIndexer.index(fresh, root, root, Settings.DEFAULTS, u -> false, () -> false,
                n -> { }, (m, e) -> { });
        CrossFileAnalysis.Result again = fresh.analyze(Settings.DEFAULTS, (m, e) -> { });
        assertEquals(after.byUri().keySet(), again.byUri().keySet());
        assertEquals(after.count(), again.count());
    }

    /** A code model as a tree-sitter pack gives it: facts only (here a server that ignores SIGTERM). */
    private record Stub(CodeFacts facts) implements CodeModel {
    }

    @Test
    void aServerThatIgnoresSigtermUnderAShellFormCommand() {
        RuleBook book = RuleBook.loadDefault();
        Path compose = Workspaces.write(root, "docker-compose.yml", "services:\n  web:\n    build: ./web\n");
        Path docker = Workspaces.write(root, "web/Dockerfile", "FROM node:22-slim\nCMD npm start\n");
        Path server = Workspaces.write(root, "web/server.js", "require('http').createServer().listen(3000)\n");
        CodeFacts.Builder b = CodeFacts.builder();
        b.shutdown = CodeFacts.Shutdown.NOT_HANDLED;
        List<FileFacts> facts = new ArrayList<>();
        facts.add(SystemIndex.extract(book, source(compose, "docker-compose.yml", FileKind.COMPOSE), null, (m, e) -> { }));
        facts.add(SystemIndex.extract(book, source(docker, "web/Dockerfile", FileKind.DOCKERFILE), null, (m, e) -> { }));
        facts.add(SystemIndex.extract(book, source(server, "web/server.js", FileKind.JAVASCRIPT), new Stub(b.build()),
                (m, e) -> { }));
        SystemModel model = new SystemModel(facts, null, SystemModel.FileProbe.NONE);
        List<String> found = new ArrayList<>();
        // not registered until a language pack produces NOT_HANDLED (Java leaves shutdown to the framework)
        new io.archlens.rules.arch.ShutdownSignalLost().check(model, new ProjectReporter() {
            @Override
            public void report(Loc at, String message, List<io.archlens.analysis.Related> related,
                    io.archlens.analysis.Fix... fixes) {
                found.add(at.path() + ":" + (at.start().line() + 1) + " " + message);
            }

            @Override
            public void warn(Loc at, String message, List<io.archlens.analysis.Related> related,
                    io.archlens.analysis.Fix... fixes) {
                found.add("warning " + message);
            }

            @Override
            public void needContext(String field, Loc where) {
            }
        });
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("web/Dockerfile:2 ") && found.get(0).contains("npm start"), found.get(0));
    }

    private static SourceFile source(Path p, String display, FileKind kind) {
        try {
            return new SourceFile(p.toUri().toString(), display, java.nio.file.Files.readString(p), kind, 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
