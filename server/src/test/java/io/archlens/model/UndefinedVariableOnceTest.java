package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.config.Settings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One undefined variable is one finding per file, whatever the number of places that use it. */
class UndefinedVariableOnceTest {
    @TempDir
    Path dir;

    @Test
    void oneFindingPerVariableWithTheOtherUsesRelated() {
        String compose = """
                services:
                  db:
                    image: postgres:16.2
                    environment:
                      POSTGRES_DB: ${DB_NAME}
                      POSTGRES_USER: ${DB_USER}
                  app:
                    image: example/app:1.0.0
                    environment:
                      DATABASE_URL: postgres://db:5432/${DB_NAME}
                      DB: ${DB_NAME}
                """;
        Workspaces.write(dir, "docker-compose.yml", compose);
        List<Finding> fs = Workspaces.check(dir, Settings.DEFAULTS).get("docker-compose.yml").stream()
                .filter(f -> f.ruleId().equals("arch/undefined-variable")).toList();
        assertEquals(2, fs.size(), fs.toString()); // DB_NAME and DB_USER
        Finding name = fs.stream().filter(f -> f.message().startsWith("${DB_NAME}")).findFirst().orElseThrow();
        assertTrue(name.message().contains("(used 3 times)"), name.message());
        assertEquals(2, name.related().stream().filter(r -> r.message().contains("used here too")).count());
        assertEquals(compose.indexOf("${DB_NAME}"), name.range().start(), "reported at the first use");
        assertTrue(name.related().stream().filter(r -> r.message().contains("used here too"))
                .allMatch(r -> r.start().line() > 4), name.related().toString());
    }
}
