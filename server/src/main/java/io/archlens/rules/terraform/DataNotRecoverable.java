package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.List;

/**
 * Data that cannot be brought back after a bad write or a deletion: Redis ElastiCache clusters without snapshots,
 * Cloud SQL without automated backups, Cloud Storage buckets without versioning, Key Vaults without purge
 * protection. (RDS: {@code tf/rds-no-backup-retention}; S3: {@code tf/s3-bucket-no-versioning}; DynamoDB:
 * {@code tf/dynamodb-no-pitr}.)
 */
public final class DataNotRecoverable extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/data-not-recoverable",
            "Data store keeps no backups or recoverable versions", Severity.WARNING, Category.RELIABILITY,
            FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_elasticache_cluster", "google_sql_database_instance", "google_storage_bucket",
                "azurerm_key_vault");
    }

    @Override
    void judge(Subject s) {
        String n = s.name();
        switch (s.type()) {
            case "aws_elasticache_cluster" -> {
                if (TfArgs.is(s.attr("engine"), "memcached") || s.attr("replication_group_id") != null) {
                    return; // memcached keeps no snapshots; a group member's snapshots are the group's
                }
                Subject.Attr a = s.attr("snapshot_retention_limit");
                String why = ": a failed node, a bad deploy or FLUSHALL loses the cache's data for good; set"
                        + " snapshot_retention_limit (days of daily snapshots, e.g. 7)";
                if (a == null) {
                    if (s.attr("engine") != null) {
                        s.missing("Cluster " + n + " does not set snapshot_retention_limit (default 0: no"
                                + " snapshots)" + why, null);
                    }
                } else if (a.num() != null && a.num() < 1) {
                    s.bad(a, "Cluster " + n + " has snapshot_retention_limit = 0 (no snapshots)" + why, null);
                }
            }
            case "google_sql_database_instance" -> {
                if (s.attr("master_instance_name") != null || TfArgs.nested(s, "settings") == null) {
                    return; // a replica: backups are the primary's
                }
                String why = ": a bad migration or a deleted table cannot be undone and point-in-time recovery is"
                        + " impossible; set settings { backup_configuration { enabled = true } } (with"
                        + " point_in_time_recovery_enabled)";
                TfArgs.flag(s, "settings.backup_configuration.enabled", true, "Cloud SQL instance " + n
                        + " has automated backups turned off" + why, "Cloud SQL instance " + n + " does not enable"
                        + " automated backups (settings.backup_configuration.enabled, default false)" + why);
            }
            case "google_storage_bucket" -> TfArgs.flag(s, "versioning.enabled", true, "Bucket " + n + " has"
                    + " versioning turned off: an overwrite or delete loses the object for good; enable versioning"
                    + " with a lifecycle rule expiring old versions", "Bucket " + n + " keeps no object versions"
                    + " (no versioning { enabled = true }): an overwrite or delete (bug, script, attacker) loses"
                    + " the data for good; enable versioning with a lifecycle rule expiring old versions");
            default -> TfArgs.flag(s, "purge_protection_enabled", true, "Key Vault " + n + " has"
                    + " purge_protection_enabled = false: a deleted vault, key or secret can be purged at once,"
                    + " and data encrypted with its keys is lost; set it to true", "Key Vault " + n + " does not"
                    + " enable purge protection (default false): a deleted vault, key or secret can be purged at"
                    + " once, and data encrypted with its keys is lost; set purge_protection_enabled = true");
        }
    }
}
