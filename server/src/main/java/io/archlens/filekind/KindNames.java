package io.archlens.filekind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names users give the kinds ({@code dockerfile}, {@code kubernetes}, {@code terraform}...) and the rule-id
 * prefix each stands for ({@code docker}, {@code k8s}, {@code tf}...): what {@code rules --kind} accepts and what
 * a near-miss rule id in {@code .archlens.yml} is corrected with.
 */
public final class KindNames {
    private static final Map<String, String> PREFIX = new LinkedHashMap<>();

    static {
        name("docker", "docker", "dockerfile", "containerfile");
        name("compose", "compose", "docker-compose");
        name("k8s", "k8s", "kubernetes", "kube");
        name("nginx", "nginx");
        name("spring", "spring", "spring-boot");
        name("env", "env", "dotenv", ".env");
        name("sql", "sql");
        name("openapi", "openapi", "swagger");
        name("gha", "gha", "github-actions", "actions");
        name("tf", "tf", "terraform");
        name("java", "java", "spring-java");
        name("python", "python", "py");
        name("js", "js", "javascript", "typescript", "ts", "node", "nodejs");
        name("go", "go", "golang");
        name("arch", "arch");
        name("config", "config", "archlens-config");
        name("agent", "agent");
        name("archlens", "archlens");
    }

    private KindNames() {
    }

    private static void name(String prefix, String... names) {
        for (String n : names) {
            PREFIX.put(n, prefix);
        }
    }

    /** The rule-id prefix a kind name stands for ({@code kubernetes} → {@code k8s}), if it is one. */
    public static Optional<String> rulePrefix(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(PREFIX.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Every accepted name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(PREFIX.keySet());
    }
}
