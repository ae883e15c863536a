package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import java.util.List;

/** An S3 bucket without versioning enabled (inline {@code versioning} or {@code aws_s3_bucket_versioning}). */
public final class S3BucketNoVersioning implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/s3-bucket-no-versioning",
            "S3 bucket has no versioning", Severity.WARNING, Category.RELIABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock b : S3.buckets(f)) {
            HclBlock inline = b.block("versioning");
            if (inline != null) {
                HclExpr enabled = inline.value("enabled");
                if (Boolean.FALSE.equals(Tf.bool(enabled))) {
                    report(ctx, enabled, b);
                }
                continue;
            }
            List<HclBlock> links = S3.links(f, b, "aws_s3_bucket_versioning");
            if (links.isEmpty()) {
                report(ctx, null, b);
                continue;
            }
            for (HclBlock v : links) {
                HclBlock conf = v.block("versioning_configuration");
                HclExpr status = conf == null ? null : conf.value("status");
                String s = Tf.str(status);
                if (s != null && !s.equals("Enabled")) {
                    report(ctx, status, b);
                }
            }
        }
    }

    private static void report(RuleContext ctx, HclExpr at, HclBlock bucket) {
        ctx.report(at != null ? at.range() : bucket.nameRange(), "Bucket " + bucket.label(1)
                + " keeps no object versions: an overwrite or delete (bug, script, attacker) loses the data for"
                + " good; enable versioning (aws_s3_bucket_versioning, status \"Enabled\") with a lifecycle rule"
                + " expiring old versions");
    }
}
