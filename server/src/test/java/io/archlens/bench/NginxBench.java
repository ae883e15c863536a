package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * nginx analysis time: the example shop config as written, and a generated ~1.5 MB config (many virtual
 * hosts with proxied and static locations, typical directive mix), both under the default 2 MB size limit.
 * Also the example at its place on disk (includes looked up) and a configuration folder on disk whose files include
 * each other ({@code small} as the only argument leaves out the generated config). Run from {@code server/}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.NginxBench [small]}
 */
public final class NginxBench {
    private NginxBench() {
    }

    public static void main(String[] args) throws Exception {
        Path example = Fixtures.repoRoot().resolve("examples/shop/web/nginx.conf");
        String text = Files.readString(example);
        BenchSupport.measure("examples/shop/web/nginx.conf", SourceFile.of("web/nginx.conf", text, FileKind.NGINX),
                2000, 2000);
        BenchSupport.measure("the same, at its place on disk", new SourceFile(example.toUri().toString(),
                example.toString(), text, FileKind.NGINX, 1), 2000, 2000);
        if (args.length == 0 || !args[0].equals("small")) {
            String big = generate(1_500_000);
            BenchSupport.measure("generated nginx.conf (~1.5 MB)", SourceFile.of("nginx.conf", big, FileKind.NGINX),
                    10, 30);
        }
        Path tree = Files.createTempDirectory("archlens-nginx-bench");
        try {
            writeTree(tree, text);
            for (String f : List.of("nginx.conf", "conf.d/site7.conf", "snippets/tls.conf")) {
                Path p = tree.resolve(f);
                BenchSupport.measure("include tree: " + f, new SourceFile(p.toUri().toString(), p.toString(),
                        Files.readString(p), FileKind.NGINX, 1), 500, 1000);
            }
        } finally {
            try (java.util.stream.Stream<Path> s = Files.walk(tree)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * A configuration folder as deployed: the example's nginx.conf with {@code include conf.d/*.conf} in its http
     * block, 20 virtual hosts in conf.d/ that each include the TLS and header snippets.
     */
    static void writeTree(Path dir, String exampleNginxConf) throws java.io.IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.createDirectories(dir.resolve("snippets"));
        int http = exampleNginxConf.indexOf("http {");
        Files.writeString(dir.resolve("nginx.conf"), http < 0 ? exampleNginxConf : exampleNginxConf.substring(0,
                http + 6) + "\n    include conf.d/*.conf;" + exampleNginxConf.substring(http + 6));
        Files.writeString(dir.resolve("snippets/tls.conf"), "ssl_protocols TLSv1.2 TLSv1.3;\n"
                + "ssl_session_cache shared:SSL:10m;\nssl_prefer_server_ciphers off;\n");
        Files.writeString(dir.resolve("snippets/headers.conf"), "add_header X-Frame-Options DENY always;\n"
                + "add_header X-Content-Type-Options nosniff always;\n");
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("conf.d/site" + i + ".conf"), "server {\n    listen 443 ssl;\n"
                    + "    server_name site" + i + ".example.com;\n    ssl_certificate /etc/ssl/s.pem;\n"
                    + "    ssl_certificate_key /etc/ssl/s.key;\n    include /etc/nginx/snippets/tls.conf;\n"
                    + "    include snippets/headers.conf;\n    location / {\n        proxy_pass http://app" + i
                    + ":8080;\n        proxy_set_header Host $host;\n    }\n}\n");
        }
    }

    static String generate(int chars) {
        StringBuilder sb = new StringBuilder("user nginx;\nworker_processes auto;\nevents {\n    worker_connections 4096;\n}\n"
                + "http {\n    include mime.types;\n    server_tokens off;\n    keepalive_timeout 65;\n"
                + "    ssl_protocols TLSv1.2 TLSv1.3;\n    add_header X-Frame-Options DENY always;\n");
        int i = 0;
        while (sb.length() < chars) {
            sb.append("    upstream app").append(i).append(" {\n        server 10.0.").append(i % 250).append(".1:8080;\n")
                    .append(i % 3 == 0 ? "" : "        keepalive 16;\n").append("    }\n")
                    .append("    server {\n        listen 443 ssl;\n        server_name app").append(i)
                    .append(".example.com;\n        ssl_certificate /etc/ssl/app.pem;\n")
                    .append("        ssl_certificate_key /etc/ssl/app.key;\n")
                    .append("        add_header Strict-Transport-Security \"max-age=31536000\" always;\n")
                    .append("        root /srv/app").append(i).append(";\n")
                    .append("        location / {\n            try_files $uri $uri/ /index.html;\n        }\n")
                    .append("        location /assets/ {\n            expires 1y;\n")
                    .append("            add_header Cache-Control \"public, immutable\";\n        }\n")
                    .append("        location /api/ {\n            proxy_pass http://app").append(i).append(";\n")
                    .append("            proxy_http_version 1.1;\n            proxy_set_header Connection \"\";\n")
                    .append("            proxy_set_header Host ").append(i % 5 == 0 ? "$http_host" : "$host").append(";\n")
                    .append("            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
                    .append(i % 2 == 0 ? "            proxy_read_timeout 30s;\n" : "")
                    .append("        }\n    }\n")
                    .append("    server {\n        listen 80;\n        server_name app").append(i)
                    .append(".example.com;\n        return 301 https://$host$request_uri;\n    }\n");
            i++;
        }
        return sb.append("}\n").toString();
    }
}
