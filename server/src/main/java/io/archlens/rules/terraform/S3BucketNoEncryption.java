package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * An S3 bucket with no server-side encryption configuration (inline, {@code dynamic}, or a separate resource),
 * or one whose configuration names no {@code sse_algorithm}.
 */
public final class S3BucketNoEncryption extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/s3-bucket-no-encryption",
            "S3 bucket declares no server-side encryption", Severity.INFO, Category.SECURITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_s3_bucket");
    }

    @Override
    void judge(Subject s) {
        HclBlock b = s.block();
        List<HclBlock> inline = s.blocks(b, "server_side_encryption_configuration");
        List<HclBlock> linked = S3.links(s.file().model(), b, "aws_s3_bucket_server_side_encryption_configuration");
        if (inline.isEmpty() && linked.isEmpty()) {
            s.missing("Bucket " + b.label(1) + " declares no encryption: it gets only the SSE-S3"
                    + " default; add an aws_s3_bucket_server_side_encryption_configuration (SSE-KMS with your own"
                    + " key) so access to the data is also governed by the key policy and audited", null);
            return;
        }
        for (HclBlock c : inline) {
            if (!namesAlgorithm(s, c)) {
                s.missing(c.typeRange(), "The encryption configuration of bucket " + b.label(1) + " names no"
                        + " sse_algorithm: set rule { apply_server_side_encryption_by_default { sse_algorithm ="
                        + " \"aws:kms\" } }", null);
            }
        }
    }

    /** Some rule of the configuration sets apply_server_side_encryption_by_default.sse_algorithm. */
    private static boolean namesAlgorithm(Subject s, HclBlock config) {
        for (HclBlock rule : s.blocks(config, "rule")) {
            for (HclBlock by : s.blocks(rule, "apply_server_side_encryption_by_default")) {
                if (by.attr("sse_algorithm") != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
