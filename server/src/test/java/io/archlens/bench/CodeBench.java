package io.archlens.bench;

import io.archlens.filekind.FileKind;

/**
 * Rule-book analysis time (JavaParser parse, token offsets, code facts, every java/* rule, suppressions) of a
 * realistic 2,000-line Spring file: controllers, services with transactions and queries, clients, configuration,
 * with a few mistakes in each. Not a JUnit test: run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.CodeBench} from
 * {@code server/}. Optional arguments: measured runs (default 300), warm-up runs (default 300), lines (2000).
 */
public final class CodeBench {
    private CodeBench() {
    }

    /** A Spring Boot source file of about {@code lines} lines. */
    public static String spring(int lines) {
        StringBuilder sb = new StringBuilder("""
                package com.example.shop;

                import java.util.List;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.Executors;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.transaction.annotation.Transactional;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.PostMapping;
                import org.springframework.web.bind.annotation.RestController;
                import org.springframework.web.client.RestTemplate;

                """);
        int i = 0;
        while (count(sb) < lines) {
            switch (i % 3) {
                case 0 -> sb.append("@RestController\nclass Controller").append(i).append(" {\n")
                        .append("    private static final Logger log = LoggerFactory.getLogger(Controller").append(i)
                        .append(".class);\n    private final OrderRepository orderRepository;\n")
                        .append("    private final Service").append(i + 1).append(" service;\n\n")
                        .append("    Controller").append(i).append("(OrderRepository r, Service").append(i + 1)
                        .append(" s) {\n        this.orderRepository = r;\n        this.service = s;\n    }\n\n")
                        .append("    @GetMapping(\"/orders/").append(i).append("\")\n    List<Order> all() {\n")
                        .append("        log.info(\"listing orders\");\n        return orderRepository.findAll();\n    }\n\n")
                        .append("    @PostMapping(\"/orders/").append(i).append("\")\n    Order create(Order o) {\n")
                        .append("        try {\n            return service.place(o);\n        } catch (Exception e) {\n")
                        .append("            log.error(\"place failed\", e);\n            throw e;\n        }\n    }\n}\n\n");
                case 1 -> sb.append("@org.springframework.stereotype.Service\nclass Service").append(i).append(" {\n")
                        .append("    private final JdbcTemplate jdbcTemplate;\n    private final RestTemplate restTemplate;\n\n")
                        .append("    Service").append(i).append("(JdbcTemplate j, RestTemplate r) {\n")
                        .append("        this.jdbcTemplate = j;\n        this.restTemplate = r;\n    }\n\n")
                        .append("    @Transactional\n    public Order place(Order o) {\n")
                        .append("        jdbcTemplate.update(\"insert into orders (id, total) values (?, ?)\", o.id(), o.total());\n")
                        .append("        String sql = \"select * from orders where customer = '\" + o.customer() + \"'\";\n")
                        .append("        jdbcTemplate.queryForList(sql);\n")
                        .append("        restTemplate.postForObject(\"http://payments/charge\", o, String.class);\n")
                        .append("        return o;\n    }\n\n")
                        .append("    List<Order> recent(int limit) {\n")
                        .append("        return jdbcTemplate.query(\"select * from orders order by created desc limit ?\", MAPPER, limit);\n")
                        .append("    }\n\n    CompletableFuture<String> warm() {\n")
                        .append("        return CompletableFuture.supplyAsync(() -> restTemplate.getForObject(\"http://x/\", String.class));\n")
                        .append("    }\n}\n\n");
                default -> sb.append("@org.springframework.context.annotation.Configuration\nclass Config").append(i)
                        .append(" {\n    @org.springframework.context.annotation.Bean\n    RestTemplate client() {\n")
                        .append("        return new RestTemplate();\n    }\n\n")
                        .append("    java.util.concurrent.ExecutorService pool() {\n")
                        .append("        return Executors.newFixedThreadPool(8);\n    }\n\n")
                        .append("    String describe(List<String> names) {\n        StringBuilder sb = new StringBuilder();\n")
                        .append("        for (String n : names) {\n            if (n.isBlank()) {\n                continue;\n")
                        .append("            }\n            sb.append(n).append(',');\n        }\n        return sb.toString();\n")
                        .append("    }\n}\n\n");
            }
            i++;
        }
        return sb.toString();
    }

    private static int count(CharSequence s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        String path = "src/main/java/com/example/shop/Shop.java";
        SpringBench.bench("Shop.java", path, spring(lines), FileKind.JAVA, runs, warmup);
        SpringBench.bench("Shop.java (1,000 lines)", path, spring(1000), FileKind.JAVA, runs, warmup);
        typing(spring(1000), runs, warmup);
        typing(spring(lines), runs, warmup);
    }

    /**
     * The editor's case: the same document, version after version, each with a comment line inserted where
     * {@code LspBench} inserts it (a line start spread over the file: inside method bodies, between members, in class
     * headers); the parse of an editor document is kept for its next version.
     */
    static void typing(String text, int runs, int warmup) {
        io.archlens.analysis.RuleBook book = io.archlens.analysis.RuleBook.loadDefault();
        String uri = "file:///bench/typing/Shop.java";
        String path = "src/main/java/com/example/shop/Shop.java";
        java.util.List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        long[] wall = new long[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cpu = new long[runs];
        for (int v = 1; v <= warmup + runs; v++) {
            int line = 1 + (v * 37) % (lines.size() - 10);
            lines.add(line, "// edit " + v);
            String now = String.join("\n", lines) + "\n";
            io.archlens.analysis.SourceFile f = new io.archlens.analysis.SourceFile(uri, path, now, FileKind.JAVA, v);
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            book.analyze(f, io.archlens.config.Settings.DEFAULTS);
            if (v > warmup) {
                wall[v - warmup - 1] = System.nanoTime() - t0;
                cpu[v - warmup - 1] = mx.getCurrentThreadCpuTime() - c0;
            }
        }
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        System.out.println(String.format(java.util.Locale.ROOT,
                "typing %5d lines (comment line inserted per version)  wall median %7.3f ms  p95 %7.3f ms  cpu median"
                        + " %7.3f ms  p95 %7.3f ms  (%d runs)", count(text), wall[runs / 2] / 1e6,
                wall[(int) (runs * 0.95)] / 1e6, cpu[runs / 2] / 1e6, cpu[(int) (runs * 0.95)] / 1e6, runs));
    }
}
