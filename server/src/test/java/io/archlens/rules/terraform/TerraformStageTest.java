package io.archlens.rules.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings judged for production databases only say how production was decided when {@code context.stage} is
 * not declared (read from tags, or assumed under the strict profile), and do not when it is.
 */
class TerraformStageTest {
    private static final String DB = """
            resource "aws_db_instance" "orders" {
              identifier          = "orders"
              engine              = "postgres"
              instance_class      = "db.r6g.large"
              storage_encrypted   = true
              deletion_protection = true
              backup_retention_period = 14
              tags = { Environment = "production" }
            }
            """;
    private static final List<String> STAGED = List.of("tf/rds-single-az", "tf/rds-no-iam-auth",
            "tf/rds-no-monitoring", "tf/logging-disabled");

    private static List<Finding> findings(String text) {
        SourceFile f = Fixtures.source("main.tf", text, FileKind.TERRAFORM);
        return Fixtures.analyze(f, Fixtures.settingsFor(f)).findings().stream()
                .filter(x -> STAGED.contains(x.ruleId())).toList();
    }

    /** One finding per staged rule, each message containing {@code text}. */
    private static void eachSays(List<Finding> found, String text) {
        assertEquals(STAGED.size(), found.size(), found.toString());
        for (Finding f : found) {
            assertTrue(f.message().contains(text), f.message());
        }
    }

    /** One finding per staged rule, no message containing {@code text}. */
    private static void noneSays(List<Finding> found, String text) {
        assertEquals(STAGED.size(), found.size(), found.toString());
        for (Finding f : found) {
            assertFalse(f.message().contains(text), f.message());
        }
    }

    @Test
    void undeclaredStageIsNamedInTheMessage() {
        List<Finding> found = findings(DB);
        eachSays(found, "context.stage");
    }

    @Test
    void declaredStageNeedsNoNote() {
        List<Finding> found = findings("# archlens-fixture-settings: {context: {stage: production}}\n" + DB);
        noneSays(found, "context.stage");
    }

    /** The same database without any stage tag. */
    private static final String UNTAGGED = DB.replace("  tags = { Environment = \"production\" }\n", "");

    @Test
    void strictAssumesProductionWhenNoStageIsDeclared() {
        List<Finding> found = findings(UNTAGGED);
        eachSays(found, "no stage declared: assumed production under the strict profile;"
                + " declare `context.stage` to decide");
    }

    @Test
    void recommendedLeavesAnUndeclaredStageAlone() {
        assertEquals(List.of(), findings("# archlens-fixture-settings: {profile: recommended}\n" + UNTAGGED));
        assertEquals(List.of(), findings("# archlens-fixture-settings: {profile: essential}\n" + UNTAGGED));
    }

    @Test
    void strictLeavesADeclaredNonProductionStageAlone() {
        assertEquals(List.of(), findings("# archlens-fixture-settings: {context: {stage: dev}}\n" + UNTAGGED));
        assertEquals(List.of(), findings(DB.replace("\"production\"", "\"staging\"")));
        assertEquals(List.of(), findings(UNTAGGED.replace("resource", """
                provider "aws" {
                  default_tags { tags = { Stage = "dev" } }
                }
                resource""")));
    }

    @Test
    void strictReportsDeclaredProductionAsBefore() {
        List<Finding> found = findings("# archlens-fixture-settings: {context: {stage: production}}\n" + UNTAGGED);
        noneSays(found, "assumed");
    }

    @Test
    void stageTagsAreEvaluated() {
        String viaLocal = """
                locals {
                  tags = { Environment = "dev", Team = "orders" }
                }
                """ + UNTAGGED.replace("instance_class ", "tags = local.tags\n  instance_class ");
        assertEquals(List.of(), findings(viaLocal));
        String merged = UNTAGGED.replace("instance_class ",
                "tags = merge(var.tags, { Stage = \"prod\" })\n  instance_class ");
        List<Finding> found = findings("variable \"tags\" {}\n" + merged);
        eachSays(found, "read from its Environment/Stage tag");
    }
}
