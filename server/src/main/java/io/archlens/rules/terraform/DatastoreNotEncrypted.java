package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;
import java.util.Map;

/**
 * AWS data stores whose encryption at rest is off by default and must be chosen at creation: EBS volumes, EFS
 * file systems, DocumentDB and Neptune clusters, OpenSearch/Elasticsearch domains. (RDS has its own rule.)
 */
public final class DatastoreNotEncrypted extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/datastore-not-encrypted",
            "Data store is not encrypted at rest", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM);

    /** Resource type -> the argument that turns encryption on ("block.argument" for a nested block). */
    private static final Map<String, String> FLAG = Map.of(
            "aws_ebs_volume", "encrypted",
            "aws_efs_file_system", "encrypted",
            "aws_docdb_cluster", "storage_encrypted",
            "aws_neptune_cluster", "storage_encrypted",
            "aws_elasticsearch_domain", "encrypt_at_rest.enabled",
            "aws_opensearch_domain", "encrypt_at_rest.enabled",
            "aws_redshift_cluster", "encrypted",
            "aws_sns_topic", "kms_master_key_id",
            "aws_sqs_queue", "sqs_managed_sse_enabled");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.copyOf(FLAG.keySet());
    }

    @Override
    void judge(Subject s) {
        HclBlock b = s.block();
        if (b.value("snapshot_id") != null || b.value("snapshot_identifier") != null) {
            return; // restored from a snapshot: encryption comes from it
        }
        if (s.type().equals("aws_sns_topic")) {
            if (s.attr("kms_master_key_id") == null) {
                s.missing("SNS topic " + s.name() + " has no kms_master_key_id: messages are stored unencrypted"
                        + " until delivered; set kms_master_key_id (\"alias/aws/sns\" or your own key)", null);
            }
            return;
        }
        if (s.type().equals("aws_sqs_queue")) {
            Subject.Attr sse = s.attr("sqs_managed_sse_enabled");
            if (sse != null && sse.isFalse() && s.attr("kms_master_key_id") == null) {
                s.bad(sse, "SQS queue " + s.name() + " turns server-side encryption off (sqs_managed_sse_enabled ="
                        + " false, no kms_master_key_id): messages are stored unencrypted; remove it or set a KMS"
                        + " key", null);
            }
            return; // new queues are encrypted with SSE-SQS by default
        }
        boolean defaultOn = s.type().equals("aws_redshift_cluster"); // encrypted by default since January 2025
        String flag = FLAG.get(s.type());
        HclBlock holder = b;
        String name = flag;
        int dot = flag.indexOf('.');
        if (dot > 0) {
            holder = s.block(b, flag.substring(0, dot));
            name = flag.substring(dot + 1);
        }
        Subject.Attr a = holder == null ? null : s.attr(holder, name);
        String why = ": the data, its snapshots and backups are stored in clear, and encryption can only be chosen"
                + " when the resource is created (changing it replaces it); set " + flag + " = true (with your own"
                + " KMS key where supported)";
        if (a == null) {
            if (defaultOn) {
                return;
            }
            s.missing("The " + s.type() + " " + s.name() + " does not set " + flag + " (default false, assuming no"
                    + " account-level default applies)" + why, null);
        } else if (a.isFalse()) {
            s.bad(a, flag + " = false on " + s.type() + " " + s.name() + why, null);
        }
    }
}
