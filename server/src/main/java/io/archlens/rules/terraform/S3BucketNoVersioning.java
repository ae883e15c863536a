package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * An S3 bucket without versioning enabled: inline {@code versioning} (a {@code dynamic} one and the 0.11
 * {@code versioning = { ... }} form included) or {@code aws_s3_bucket_versioning}, judged on evaluated values.
 */
public final class S3BucketNoVersioning extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/s3-bucket-no-versioning",
            "S3 bucket has no versioning", Severity.WARNING, Category.RELIABILITY, FileKind.TERRAFORM);

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
        List<HclBlock> inline = s.blocks(b, "versioning");
        if (!inline.isEmpty()) {
            for (HclBlock v : inline) {
                Subject.Attr enabled = s.attr(v, "enabled");
                if (enabled != null && enabled.isFalse()) {
                    s.bad(enabled, message(b), null);
                }
            }
            return;
        }
        List<HclBlock> links = S3.links(s.file().model(), b, "aws_s3_bucket_versioning");
        if (links.isEmpty()) {
            s.missing(message(b), null);
            return;
        }
        List<HclBlock> here = s.file().model().resources("aws_s3_bucket_versioning");
        for (HclBlock v : links) {
            for (HclBlock conf : s.blocks(v, "versioning_configuration")) {
                Subject.Attr status = s.attr(conf, "status");
                String st = status == null ? null : status.str();
                if (st == null || st.equals("Enabled")) {
                    continue;
                }
                if (here.contains(v)) {
                    s.bad(status, message(b), null);
                } else {
                    // the versioning resource lives in another file of the module: reported on the bucket here
                    s.missing(message(b) + " (" + v.address() + " sets status = \"" + st + "\")", null);
                }
            }
        }
    }

    private static String message(HclBlock bucket) {
        return "Bucket " + bucket.label(1) + " keeps no object versions: an overwrite or delete (bug, script, attacker)"
                + " loses the data for good; enable versioning (aws_s3_bucket_versioning, status \"Enabled\") with a"
                + " lifecycle rule expiring old versions";
    }
}
