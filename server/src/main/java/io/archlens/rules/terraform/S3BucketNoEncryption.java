package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;

/** An S3 bucket with no explicit server-side encryption configuration (inline or separate resource). */
public final class S3BucketNoEncryption implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/s3-bucket-no-encryption",
            "S3 bucket declares no server-side encryption", Severity.INFO, Category.SECURITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock b : S3.buckets(f)) {
            if (b.block("server_side_encryption_configuration") != null
                    || !S3.links(f, b, "aws_s3_bucket_server_side_encryption_configuration").isEmpty()) {
                continue;
            }
            ctx.report(b.nameRange(), "Bucket " + b.label(1) + " declares no encryption: it gets only the SSE-S3"
                    + " default; add an aws_s3_bucket_server_side_encryption_configuration (SSE-KMS with your own"
                    + " key) so access to the data is also governed by the key policy and audited");
        }
    }
}
