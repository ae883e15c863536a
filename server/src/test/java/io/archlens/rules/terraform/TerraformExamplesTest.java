package io.archlens.rules.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shop example's Terraform module (examples/shop/infra), read as `check` reads it (each file with its module
 * siblings), shows exactly these findings: a realistic multi-file stack where the flaws sit between correct
 * code. Marks are the 1-based line, 0-based column range, severity and rule, as in the fixtures.
 */
class TerraformExamplesTest {
    private static List<String> marks(String file) throws Exception {
        Path p = Fixtures.repoRoot().resolve("examples/shop/infra").resolve(file);
        SourceFile f = new SourceFile(p.toUri().toString(), "examples/shop/infra/" + file, Files.readString(p),
                FileKind.TERRAFORM, 1);
        return Fixtures.actual(f, Fixtures.analyze(f).findings()).stream().map(Object::toString).toList();
    }

    @Test
    void mainTf() throws Exception {
        assertEquals(List.of(
                "12:4-10 warning tf/provider-version-unpinned",
                "102:19-30 error tf/security-group-open-to-world",
                "137:27-37 warning tf/logging-disabled",
                "137:27-37 warning tf/rds-no-deletion-protection",
                "137:27-37 info tf/rds-no-iam-auth",
                "137:27-37 info tf/rds-no-monitoring",
                "137:27-37 warning tf/rds-single-az",
                "192:18-24 warning tf/logging-disabled",
                "214:22-28 warning tf/lb-http-without-redirect",
                "246:36-41 warning tf/log-group-without-retention"), marks("main.tf"));
    }

    @Test
    void variablesTf() throws Exception {
        assertEquals(List.of("23:14-48 error tf/hardcoded-credentials"), marks("variables.tf"));
    }
}
