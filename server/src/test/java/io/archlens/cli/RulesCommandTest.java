package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rules --kind} takes the names the README uses and refuses the rest. */
class RulesCommandTest {
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyNameTheReadmeUsesListsThatKindsRules() {
        Map<String, String> names = Map.ofEntries(Map.entry("docker", "docker"), Map.entry("dockerfile", "docker"),
                Map.entry("compose", "compose"), Map.entry("k8s", "k8s"), Map.entry("kubernetes", "k8s"),
                Map.entry("nginx", "nginx"), Map.entry("spring", "spring"), Map.entry("env", "env"),
                Map.entry("dotenv", "env"), Map.entry("sql", "sql"), Map.entry("openapi", "openapi"),
                Map.entry("swagger", "openapi"), Map.entry("gha", "gha"), Map.entry("github-actions", "gha"),
                Map.entry("tf", "tf"), Map.entry("terraform", "tf"), Map.entry("arch", "arch"),
                Map.entry("config", "config"), Map.entry("Kubernetes", "k8s"));
        names.forEach((name, prefix) -> {
            Run r = run("rules", "--kind", name);
            assertEquals(0, r.code(), name + ": " + r.err());
            String[] lines = r.out().strip().split("\n");
            int n = Integer.parseInt(lines[lines.length - 1].split(" rules")[0]);
            assertTrue(n > 0, name + " lists no rule");
            assertEquals(n, lines.length - 2, name + ": " + r.out());
            for (int i = 1; i < lines.length - 1; i++) {
                assertTrue(lines[i].startsWith(prefix + "/"), name + " listed " + lines[i]);
            }
        });
        assertEquals(run("rules", "--kind", "docker").out(), run("rules", "--kind", "dockerfile").out());
    }

    @Test
    void anUnknownKindIsAnErrorThatListsTheAcceptedNames() {
        Run r = run("rules", "--kind", "helm");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("unknown kind 'helm'; use one of: docker, dockerfile,"), r.err());
        assertTrue(r.err().contains("kubernetes") && r.err().contains("terraform"), r.err());
    }
}
