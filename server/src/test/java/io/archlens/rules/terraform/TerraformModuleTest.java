package io.archlens.rules.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform reads a directory's .tf files as one module: so do the rules that look for companion blocks. */
class TerraformModuleTest {
    private static final RuleBook BOOK = RuleBook.loadDefault();
    private static final String MAIN = """
            terraform {
              required_providers {
                aws = { source = "hashicorp/aws", version = "~> 5.0" }
              }
            }

            provider "aws" {
              region = "eu-west-1"
            }

            resource "aws_s3_bucket" "logs" {
              bucket = "shop-logs"
            }
            """;

    @TempDir
    Path dir;

    private List<Finding> analyzeMain() throws Exception {
        Path main = dir.resolve("main.tf");
        Files.writeString(main, MAIN);
        SourceFile f = new SourceFile(main.toUri().toString(), main.toString(), MAIN, FileKind.TERRAFORM, 1);
        List<Finding> out = BOOK.analyze(f, Settings.DEFAULTS).findings();
        for (Finding x : out) {
            assertTrue(x.range().end() <= MAIN.length(), "every range points into main.tf itself: " + x);
        }
        return out;
    }

    private static List<String> ids(List<Finding> fs) {
        return fs.stream().map(Finding::ruleId).toList();
    }

    @Test
    void alone_theFileLacksBackendVersioningAndPublicAccessBlock() throws Exception {
        List<String> ids = ids(analyzeMain());
        assertTrue(ids.contains("tf/no-remote-backend"), ids.toString());
        assertTrue(ids.contains("tf/s3-bucket-no-versioning"), ids.toString());
        assertTrue(ids.contains("tf/s3-bucket-no-public-access-block"), ids.toString());
    }

    @Test
    void siblingFilesOfTheModuleProvideThem() throws Exception {
        Files.writeString(dir.resolve("backend.tf"), """
                terraform {
                  backend "s3" {
                    bucket       = "shop-state"
                    key          = "prod/terraform.tfstate"
                    region       = "eu-west-1"
                    encrypt      = true
                    use_lockfile = true
                  }
                }
                """);
        Files.writeString(dir.resolve("s3.tf"), """
                resource "aws_s3_bucket_versioning" "logs" {
                  bucket = aws_s3_bucket.logs.id
                  versioning_configuration {
                    status = "Enabled"
                  }
                }

                resource "aws_s3_account_public_access_block" "all" {
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }
                """);
        Files.createDirectories(dir.resolve("modules/other"));
        Files.writeString(dir.resolve("modules/other/ignored.tf"), "terraform {\n  backend \"local\" {}\n}\n");
        List<String> ids = ids(analyzeMain());
        assertFalse(ids.contains("tf/no-remote-backend"), ids.toString());
        assertFalse(ids.contains("tf/s3-bucket-no-versioning"), ids.toString());
        assertFalse(ids.contains("tf/s3-bucket-no-public-access-block"), ids.toString());

        // the sibling changes on disk: its cached parse is not reused
        Path backend = dir.resolve("backend.tf");
        Files.writeString(backend, "terraform {\n  required_version = \">= 1.6\"\n}\n");
        Files.setLastModifiedTime(backend, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertTrue(ids(analyzeMain()).contains("tf/no-remote-backend"));
    }

    @Test
    void aSubdirectoryIsAnotherModuleAndBrokenSiblingsAreSkipped() throws Exception {
        Files.createDirectories(dir.resolve("modules/state"));
        Files.writeString(dir.resolve("modules/state/backend.tf"), "terraform {\n  backend \"s3\" {}\n}\n");
        Files.write(dir.resolve("binary.tf"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Files.writeString(dir.resolve("broken.tf"), "resource \"aws_s3_bucket_versioning\" {{{{\n");
        List<String> ids = ids(analyzeMain());
        assertEquals(1, ids.stream().filter("tf/no-remote-backend"::equals).count(), ids.toString());
    }

    @Test
    void companionsWithGapsInASiblingFileAreReportedOnTheBucket() throws Exception {
        Files.writeString(dir.resolve("s3.tf"), """
                # offsets past the end of main.tf: a finding must not use them there
                # ------------------------------------------------------------------
                # ------------------------------------------------------------------
                # ------------------------------------------------------------------
                # ------------------------------------------------------------------
                resource "aws_s3_bucket_versioning" "logs" {
                  bucket = aws_s3_bucket.logs.id
                  versioning_configuration {
                    status = "Suspended"
                  }
                }

                resource "aws_s3_bucket_public_access_block" "logs" {
                  bucket              = aws_s3_bucket.logs.id
                  block_public_acls   = true
                  block_public_policy = false
                }
                """);
        List<Finding> found = analyzeMain(); // asserts every range lies in main.tf
        Finding versioning = found.stream().filter(x -> x.ruleId().equals("tf/s3-bucket-no-versioning")).findFirst()
                .orElseThrow();
        assertTrue(versioning.message().contains("aws_s3_bucket_versioning.logs sets status = \"Suspended\""),
                versioning.message());
        Finding pab = found.stream().filter(x -> x.ruleId().equals("tf/s3-bucket-no-public-access-block"))
                .findFirst().orElseThrow();
        assertTrue(pab.message().contains("block_public_policy, ignore_public_acls, restrict_public_buckets"),
                pab.message());
    }
}
