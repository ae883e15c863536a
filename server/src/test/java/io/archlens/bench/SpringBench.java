package io.archlens.bench;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Rule-book analysis time (parse + every spring/* rule + suppressions) of a realistic multi-document
 * {@code application.yml} and an {@code application.properties}, each about 300 lines, and of a 3,000-line YAML.
 * Not a JUnit test: run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.SpringBench}
 * from {@code server/}. Optional arguments: measured runs (default 2000), warm-up runs (default 2000).
 */
public final class SpringBench {
    private SpringBench() {
    }

    /** A realistic application.yml: a default document plus one per environment, about {@code lines} lines. */
    public static String yaml(int lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Order service configuration\nspring:\n  application:\n    name: order-service\n");
        sb.append("  datasource:\n    url: jdbc:postgresql://db:5432/shop\n    username: shop\n");
        sb.append("    password: ${DB_PASSWORD}\n    hikari:\n      maximum-pool-size: 40\n");
        sb.append("  jpa:\n    show-sql: true\n    hibernate:\n      ddl-auto: update\n");
        sb.append("  data:\n    redis:\n      host: redis\n      port: 6379\n");
        sb.append("  cloud:\n    openfeign:\n      client:\n        config:\n");
        int i = 0;
        while (count(sb) < lines / 3) {
            sb.append("          client").append(i).append(":\n            url: http://svc").append(i)
                    .append(":8080\n            logger-level: basic\n");
            if (i % 2 == 0) {
                sb.append("            connect-timeout: 1000\n            read-timeout: 3000\n");
            }
            i++;
        }
        sb.append("server:\n  port: 8080\n  error:\n    include-stacktrace: always\n");
        sb.append("management:\n  endpoints:\n    web:\n      exposure:\n        include: \"*\"\n");
        sb.append("  endpoint:\n    health:\n      show-details: always\n");
        sb.append("logging:\n  level:\n    root: INFO\n");
        int p = 0;
        while (count(sb) < 2 * lines / 3) {
            sb.append("    com.example.module").append(p++).append(": DEBUG\n");
        }
        sb.append("app:\n  payments:\n    api-key: sk_live_abcdef\n  features:\n");
        int f = 0;
        String[] profiles = {"dev", "staging", "prod", "eu", "local"};
        int d = 0;
        while (count(sb) < lines) {
            if (f % 40 == 39) {
                sb.append("---\nspring:\n  config:\n    activate:\n      on-profile: ").append(profiles[d++ % 5])
                        .append("\n  datasource:\n    hikari:\n      maximumPoolSize: ").append(10 + d)
                        .append("\nserver.servlet.session.cookie.secure: false\napp:\n  features:\n");
            }
            sb.append("    flag-").append(f).append(": ").append(f % 3 == 0).append('\n');
            f++;
        }
        return sb.toString();
    }

    /** A realistic application.properties of about {@code lines} lines. */
    public static String properties(int lines) {
        StringBuilder sb = new StringBuilder("# Catalog service\nspring.application.name=catalog\nserver.port=8080\n");
        sb.append("spring.datasource.url=jdbc:postgresql://db:5432/catalog\nspring.datasource.password=catalog123\n");
        sb.append("spring.datasource.hikari.maximumPoolSize=50\nspring.jpa.hibernate.ddl-auto=update\n");
        sb.append("management.endpoints.web.exposure.include=*\nserver.error.include-stacktrace=always\n");
        sb.append("app.search.api-key=\\\n  ak_live_8f3a2c9b7d\n");
        int i = 0;
        while (count(sb) < lines) {
            if (i % 60 == 59) {
                sb.append("#---\nspring.config.activate.on-profile=p").append(i).append('\n');
            }
            sb.append("app.catalog.category").append(i).append(".page-size = ").append(20 + i % 30).append('\n');
            sb.append("# category ").append(i).append(" settings\n");
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
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        bench("application.yml", "src/main/resources/application.yml", yaml(300), FileKind.SPRING_YAML, runs, warmup);
        bench("application.properties", "src/main/resources/application.properties", properties(300),
                FileKind.SPRING_PROPERTIES, runs, warmup);
        bench("application.yml (large)", "src/main/resources/application.yml", yaml(3000), FileKind.SPRING_YAML,
                Math.max(20, runs / 10), Math.max(20, warmup / 10));
    }

    static void bench(String label, String path, String text, FileKind kind, int runs, int warmup) {
        RuleBook book = RuleBook.loadDefault();
        SourceFile file = SourceFile.of(path, text, kind);
        Analysis first = book.analyze(file, Settings.DEFAULTS);
        for (int i = 0; i < warmup; i++) {
            book.analyze(file, Settings.DEFAULTS);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            book.analyze(file, Settings.DEFAULTS);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.println(String.format(Locale.ROOT,
                "%-26s %5d lines %3d findings  wall median %7.3f ms  p95 %7.3f ms  cpu median %7.3f ms  p95 %7.3f ms"
                        + "  (%d runs)", label, count(text), first.findings().size(), wall[runs / 2] / 1e6,
                wall[(int) (runs * 0.95)] / 1e6, cpu[runs / 2] / 1e6, cpu[(int) (runs * 0.95)] / 1e6, runs));
    }
}
