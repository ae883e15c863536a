package io.archlens.rules.dotenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The .env secret rules never repeat a value; env file roles. (Detection itself: secrets/SecretDetectorTest.) */
class DotenvSecretRulesTest {
    private static final Set<String> SECRET_RULES = Set.of("env/hardcoded-secret", "env/secret-value",
            "env/high-entropy-value", "env/url-credentials", "env/example-has-secret");

    @Test
    void messagesNeverContainTheSecretValue() {
        int checked = 0;
        for (Path p : Fixtures.allFixtures()) {
            if (!p.toString().contains("/dotenv/")) {
                continue;
            }
            SourceFile file = Fixtures.load(p);
            for (Finding f : Fixtures.analyze(file).findings()) {
                if (!SECRET_RULES.contains(f.ruleId())) {
                    continue;
                }
                String value = file.slice(f.range());
                String firstLine = value.lines().findFirst().orElse("");
                assertFalse(f.message().contains(firstLine.length() >= 4 ? firstLine : "\u0000"),
                        "message leaks the value in " + p + ": " + f.message());
                checked++;
            }
        }
        assertTrue(checked >= 25, "expected many secret findings across fixtures, got " + checked);
    }

    @Test
    void fileRoles() {
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of(".env.example"));
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of(".env.production.sample"));
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of("example.env"));
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of(".env.dist"));
        assertEquals(EnvFileRole.DEV, EnvFileRole.of(".env.development.local"));
        assertEquals(EnvFileRole.DEV, EnvFileRole.of(".env.test"));
        assertEquals(EnvFileRole.OTHER, EnvFileRole.of(".env"));
        assertEquals(EnvFileRole.OTHER, EnvFileRole.of(".env.production"));
        assertEquals(EnvFileRole.OTHER, EnvFileRole.of("api.env"));
        assertNotNull(EnvFileRole.of(""));
    }
}
