package io.archlens.rules.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import io.archlens.syntax.hcl.HclParser;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Before/after for every Terraform quick fix; each result is re-parsed with the HCL parser. */
class TerraformFixTest {

    private static HclFile reparse(String text) {
        Parsed<HclFile> p = HclParser.parse(text);
        assertTrue(p.issues().isEmpty(), "fixed file must parse cleanly: " + p.issues() + "\n" + text);
        return p.model();
    }

    private static HclBlock resource(HclFile f, String type, String name) {
        for (HclBlock b : f.resources(type)) {
            if (name.equals(b.label(1))) {
                return b;
            }
        }
        throw new AssertionError("no " + type + "." + name);
    }

    @Test
    void deletionProtectionIsAddedAfterTheLastAttributeWithTheBodyIndentation() {
        String before = """
                resource "aws_db_instance" "orders" {
                  identifier              = "orders"
                  storage_encrypted       = true
                  backup_retention_period = 7

                  tags = {
                    Team = "checkout"
                  }
                }
                """;
        String after = """
                resource "aws_db_instance" "orders" {
                  identifier              = "orders"
                  storage_encrypted       = true
                  backup_retention_period = 7

                  tags = {
                    Team = "checkout"
                  }
                  deletion_protection = true
                }
                """;
        Fixtures.checkFix("main.tf", before, "tf/rds-no-deletion-protection", after);
        HclBlock db = resource(reparse(after), "aws_db_instance", "orders");
        assertEquals(Boolean.TRUE, ((HclExpr.Bool) db.value("deletion_protection")).value());
    }

    @Test
    void kmsRotationFixKeepsCrlfLineEndings() {
        String before = "resource \"aws_kms_key\" \"db\" {\r\n  description = \"db\"\r\n}\r\n";
        String fixed = Fixtures.applyFix(Fixtures.source("kms.tf", before), "tf/kms-key-rotation-disabled", null);
        assertEquals("resource \"aws_kms_key\" \"db\" {\r\n  description = \"db\"\r\n  enable_key_rotation = true\r\n}\r\n",
                fixed);
        assertFalse(fixed.replace("\r\n", "").contains("\n"), "no bare LF");
        HclBlock k = resource(reparse(fixed), "aws_kms_key", "db");
        assertNotNull(k.attr("enable_key_rotation"));
    }

    @Test
    void insertIntoOneLineBlockSplitsIt() {
        String before = "resource \"aws_kms_key\" \"db\" { description = \"db\" }\n";
        String fixed = Fixtures.applyFix(Fixtures.source("kms.tf", before), "tf/kms-key-rotation-disabled", null);
        assertEquals("resource \"aws_kms_key\" \"db\" {\n  description = \"db\"\n  enable_key_rotation = true\n}\n", fixed);
        reparse(fixed);
    }

    @Test
    void insertIntoEmptyBlock() {
        String before = "resource \"aws_cloudwatch_log_group\" \"api\" {}\n";
        String fixed = Fixtures.applyFix(Fixtures.source("logs.tf", before), "tf/log-group-without-retention", null);
        assertEquals("resource \"aws_cloudwatch_log_group\" \"api\" {\n  retention_in_days = 30\n}\n", fixed);
        assertEquals("30", ((HclExpr.Num) resource(reparse(fixed), "aws_cloudwatch_log_group", "api")
                .value("retention_in_days")).text());
    }

    @Test
    void insertUsesTabsInATabIndentedFile() {
        String before = "resource \"aws_cloudwatch_log_group\" \"api\" {\n\tname = \"/ecs/api\"\n}\n";
        String fixed = Fixtures.applyFix(Fixtures.source("logs.tf", before), "tf/log-group-without-retention", null);
        assertEquals("resource \"aws_cloudwatch_log_group\" \"api\" {\n\tname = \"/ecs/api\"\n\tretention_in_days = 30\n}\n",
                fixed);
        reparse(fixed);
    }

    @Test
    void insertIntoBodyWithOnlyNestedBlocksGoesAboveTheFirstBlock() {
        String before = """
                resource "aws_rds_cluster" "catalog" {
                    lifecycle {
                        prevent_destroy = true
                    }
                }
                """;
        String fixed = Fixtures.applyFix(Fixtures.source("db.tf", before), "tf/rds-no-backup-retention", null);
        assertEquals("""
                resource "aws_rds_cluster" "catalog" {
                    backup_retention_period = 7
                    lifecycle {
                        prevent_destroy = true
                    }
                }
                """, fixed);
        reparse(fixed);
    }

    @Test
    void insertAfterAHeredocAttribute() {
        String before = """
                resource "aws_kms_key" "k" {
                  policy = <<-EOF
                    {"Version": "2012-10-17"}
                  EOF
                }
                """;
        String fixed = Fixtures.applyFix(Fixtures.source("k.tf", before), "tf/kms-key-rotation-disabled", null);
        assertEquals("""
                resource "aws_kms_key" "k" {
                  policy = <<-EOF
                    {"Version": "2012-10-17"}
                  EOF
                  enable_key_rotation = true
                }
                """, fixed);
        reparse(fixed);
    }

    @Test
    void publiclyAccessibleIsReplacedAndTheFixIsUnsafe() {
        String before = """
                resource "aws_db_instance" "r" {
                  publicly_accessible = true
                }
                """;
        SourceFile src = Fixtures.source("db.tf", before);
        Finding f = Fixtures.single(Fixtures.analyze(src).findings(), "tf/rds-publicly-accessible");
        Fix fix = f.fixes().get(0);
        assertFalse(fix.safe(), "closing a public endpoint changes who can connect");
        String fixed = Fixtures.applyFix(src, "tf/rds-publicly-accessible", null);
        assertTrue(fixed.contains("publicly_accessible = false"));
        assertEquals(Boolean.FALSE, ((HclExpr.Bool) resource(reparse(fixed), "aws_db_instance", "r")
                .value("publicly_accessible")).value());
    }

    @Test
    void storageEncryptionFixIsUnsafeBecauseItReplacesTheDatabase() {
        String before = """
                resource "aws_db_instance" "r" {
                  identifier = "r"
                }
                """;
        Finding f = Fixtures.single(Fixtures.analyze(Fixtures.source("db.tf", before)).findings(),
                "tf/rds-storage-not-encrypted");
        assertFalse(f.fixes().get(0).safe());
        String fixed = Fixtures.applyFix(Fixtures.source("db.tf", before), "tf/rds-storage-not-encrypted", null);
        assertEquals("""
                resource "aws_db_instance" "r" {
                  identifier = "r"
                  storage_encrypted = true
                }
                """, fixed);
        reparse(fixed);
    }

    @Test
    void publicAccessBlockFixAddsEveryMissingSetting() {
        String before = """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }

                resource "aws_s3_bucket_public_access_block" "b" {
                  bucket            = aws_s3_bucket.b.id
                  block_public_acls = true
                }
                """;
        String fixed = Fixtures.applyFix(Fixtures.source("s3.tf", before), "tf/s3-bucket-no-public-access-block",
                null);
        HclBlock pab = resource(reparse(fixed), "aws_s3_bucket_public_access_block", "b");
        for (String s : S3BucketNoPublicAccessBlock.SETTINGS) {
            assertEquals(Boolean.TRUE, ((HclExpr.Bool) pab.value(s)).value(), s);
        }
        assertTrue(fixed.contains("\n  block_public_policy = true\n  ignore_public_acls = true\n"), fixed);
    }

    @Test
    void fixAllAppliesOnlySafeFixesAndTheResultParses() {
        String before = """
                resource "aws_db_instance" "orders" {
                  identifier        = "orders"
                  storage_encrypted = true
                }

                resource "aws_kms_key" "db" {
                  description = "db"
                }

                resource "aws_cloudwatch_log_group" "api" {
                  name = "/ecs/api"
                }
                """;
        String fixed = Fixtures.fixAll(Fixtures.source("main.tf", before));
        HclFile f = reparse(fixed);
        HclBlock db = resource(f, "aws_db_instance", "orders");
        assertNotNull(db.attr("deletion_protection"));
        assertNotNull(db.attr("backup_retention_period"));
        assertNotNull(resource(f, "aws_kms_key", "db").attr("enable_key_rotation"));
        // deleting logs after 30 days is a decision, not a mechanical fix: fix-all leaves it
        assertEquals(null, resource(f, "aws_cloudwatch_log_group", "api").attr("retention_in_days"));
        List<Finding> after = Fixtures.analyze(Fixtures.source("main.tf", fixed)).findings();
        assertTrue(after.stream().noneMatch(x -> x.ruleId().equals("tf/rds-no-deletion-protection")
                || x.ruleId().equals("tf/kms-key-rotation-disabled")), after.toString());
    }
}
