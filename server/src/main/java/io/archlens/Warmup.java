package io.archlens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Class-loading warm-up for the launcher's class-data archive: the JVM that writes the archive (the first
 * {@code check} of a new jar, with {@code ARCHLENS_WARMUP_LSP} set) archives only the classes it loaded, so
 * after the user's own command this also runs {@code check} in every output format and a short editor session
 * on a scratch workspace, writing nowhere. Every later command then starts from the archive. The server's own
 * archive is trained on the editor session alone ({@code run(false)}, {@link Main#WARM_UP_SERVER}).
 */
final class Warmup {
    private Warmup() {
    }

    /** Path and text of the scratch workspace's files besides the Dockerfile, Compose and Spring files. */
    static final String[][] SAMPLES = {
        {"k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n"
                + "  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n"
                + "    spec:\n      containers:\n        - name: api\n          image: example/api:latest\n"
                + "          env:\n            - name: DB_PASSWORD\n              value: hunter2\n---\napiVersion: v1\n"
                + "kind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n"},
        {"nginx/nginx.conf", "events {}\nhttp {\n  server {\n    listen 80;\n    location / {\n"
                + "      proxy_pass http://api:8080;\n      add_header X-Frame-Options DENY;\n    }\n  }\n}\n"},
        {".env", "DB_HOST=db\nAPI_TOKEN=changeme\n"},
        {"db/migration/V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, total int);\n"
                + "CREATE INDEX orders_total ON orders (total);\nALTER TABLE orders ADD COLUMN note text NOT NULL;\n"},
        {"openapi.yaml", "openapi: 3.0.3\ninfo: {title: api, version: '1'}\npaths:\n  /orders/{id}:\n    get:\n"
                + "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
                + "      responses: {'200': {description: ok}}\n"},
        {".github/workflows/ci.yml", "on: [push, pull_request_target]\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"${{ github.event.pull_request.title }}\"\n"},
        {"infra/main.tf", "resource \"aws_db_instance\" \"db\" {\n  engine = \"postgres\"\n"
                + "  publicly_accessible = true\n  tags = { stage = var.stage }\n}\nvariable \"stage\" {\n"
                + "  default = \"prod\"\n}\n"},
        {"src/main/java/app/OrderController.java", "package app;\n\nimport org.springframework.web.bind.annotation.*;\n\n"
                + "@RestController\nclass OrderController {\n  private final org.springframework.jdbc.core.JdbcTemplate jdbc;\n"
                + "  OrderController(org.springframework.jdbc.core.JdbcTemplate jdbc) { this.jdbc = jdbc; }\n"
                + "  @GetMapping(\"/orders\")\n  Object find(@RequestParam String id) {\n"
                + "    return jdbc.queryForList(\"select * from orders where id = \" + id);\n  }\n}\n"},
        {"svc/app.py", "import requests\n\ndef handler(request, cursor):\n    name = request.args.get('n')\n"
                + "    cursor.execute(f\"select * from t where n = '{name}'\")\n"
                + "    return requests.get('http://api/orders')\n"},
        {"web/server.js", "const express = require('express');\nconst app = express();\n"
                + "app.get('/o', async (req, res) => { const r = await fetch('http://api/o'); res.send(await r.text()); });\n"
                + "app.listen(3000);\n"},
        {"web/client.ts", "export async function load(id: string): Promise<string> {\n"
                + "  const r = await fetch(`http://api/orders/${id}`);\n  return r.text();\n}\n"},
        {"gosvc/main.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n"
                + "\thttp.HandleFunc(\"/\", func(w http.ResponseWriter, r *http.Request) { resp, _ := http.Get(\"http://api\"); "
                + "_ = resp })\n\thttp.ListenAndServe(\":8080\", nil)\n}\n"},
    };

    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger LSP4J = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    /**
     * Leaves logging to stderr off: it runs last, and its threads may still log while the JVM exits (LSP4J too:
     * on a slow machine the session can end while the server still writes to its closed pipe).
     */
    static void run(boolean commands) {
        io.archlens.core.Log.setStderr(false);
        LSP4J.setLevel(java.util.logging.Level.OFF);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("archlens-warmup");
            Files.writeString(dir.resolve("Dockerfile"), "FROM node:latest\nRUN apt-get install curl\nEXPOSE 3000\n");
            Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  api:\n    build: .\n    ports:\n"
                    + "      - \"8080:8080\"\n  db:\n    image: postgres\n    ports: [\"5432:5432\"]\n");
            Files.writeString(dir.resolve("application.properties"),
                    "spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.hikari.maximum-pool-size=80\n");
            // one small file of every other kind, so the archive holds each parser and the rule code it runs (a
            // project's first check may see only a few kinds; the others would load from the jar on every run)
            for (String[] f : SAMPLES) {
                Path p = dir.resolve(f[0]);
                Files.createDirectories(p.getParent());
                Files.writeString(p, f[1]);
            }
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
            for (String format : commands ? new String[] {"text", "json", "sarif"} : new String[0]) {
                io.archlens.cli.Main.run(nowhere, nowhere, "check", dir.toString(), "--format", format);
            }
            io.archlens.lsp.Warmup.session(dir, 10_000);
        } catch (IOException | RuntimeException e) {
            // a smaller archive, nothing else
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder left in the temp directory
        }
    }
}
