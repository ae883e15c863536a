package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;

/**
 * Rule-book analysis time of a generated Compose file (default 1,000 lines: shared anchors, about 40
 * services of every flavour). Not a JUnit test: run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.ComposeBench}
 * from {@code server/}. Optional arguments: measured runs (default 1000), warm-up runs (default 1000), lines.
 */
public final class ComposeBench {
    private ComposeBench() {
    }

    public static String generate(int lines) {
        StringBuilder sb = new StringBuilder("# platform stack\n")
                .append("x-logging: &logging\n  driver: json-file\n  options:\n    max-size: \"10m\"\n    max-file: \"3\"\n\n")
                .append("x-service: &service\n  restart: unless-stopped\n  read_only: true\n  cap_drop: [ALL]\n")
                .append("  security_opt: [no-new-privileges:true]\n  logging: *logging\n\nservices:\n");
        int i = 0;
        while (KubernetesBench.count(sb) < lines - 12) {
            String name = "svc" + i;
            switch (i % 4) {
                case 0 -> sb.append("  ").append(name).append(":\n    <<: *service\n    build: ./").append(name)
                        .append("\n    image: registry.example.com/").append(name).append(":1.").append(i).append(".0\n")
                        .append("    environment:\n      SPRING_PROFILES_ACTIVE: prod\n      SPRING_DATASOURCE_URL: jdbc:postgresql://db")
                        .append(i).append(":5432/app\n      SPRING_DATASOURCE_PASSWORD: ${DB_PASSWORD}\n")
                        .append("    depends_on:\n      db").append(i).append(":\n        condition: service_healthy\n      cache")
                        .append(i).append(":\n        condition: service_started\n")
                        .append("    healthcheck:\n      test: [\"CMD\", \"wget\", \"-qO-\", \"http://localhost:8080/actuator/health\"]\n")
                        .append("    deploy:\n      resources:\n        limits: {memory: 768m, cpus: \"1.0\"}\n");
                case 1 -> sb.append("  db").append(i - 1).append(":\n    image: postgres:16.4\n    environment:\n")
                        .append("      POSTGRES_PASSWORD: example-password\n    ports:\n      - \"5432\"\n")
                        .append("    volumes:\n      - db").append(i - 1).append(":/var/lib/postgresql/data\n")
                        .append("    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready\"]\n      interval: 5s\n");
                case 2 -> sb.append("  cache").append(i - 2).append(":\n    image: redis:7.4\n    command: [\"redis-server\", \"--save\", \"\"]\n")
                        .append("    logging: *logging\n    restart: always\n");
                default -> sb.append("  ").append(name).append(":\n    image: nginx:latest\n    ports:\n      - \"80")
                        .append(i).append(":80\"\n    volumes:\n      - ./nginx/").append(name).append(".conf:/etc/nginx/conf.d/default.conf:ro\n")
                        .append("    depends_on: [svc").append(i - 3).append("]\n    container_name: ").append(name).append('\n');
            }
            i++;
        }
        sb.append("volumes:\n");
        for (int k = 0; k < i; k += 4) {
            sb.append("  db").append(k).append(":\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        SourceFile file = SourceFile.of("docker-compose.yml", generate(lines), FileKind.COMPOSE);
        KubernetesBench.run("ComposeBench", file, runs, warmup);
    }
}
