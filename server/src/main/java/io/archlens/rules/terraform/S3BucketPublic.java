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
import java.util.Set;

/** S3 buckets made public by a canned ACL or by a bucket policy allowing everyone ("*") without a condition. */
public final class S3BucketPublic implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/s3-bucket-public",
            "S3 bucket is readable or writable by anyone", Severity.ERROR, Category.SECURITY, FileKind.TERRAFORM);

    private static final Set<String> PUBLIC_ACLS = Set.of("public-read", "public-read-write", "authenticated-read");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock r : Tf.resources(f)) {
            String type = r.label(0);
            if (type.equals("aws_s3_bucket") || type.equals("aws_s3_bucket_acl")) {
                HclExpr acl = r.value("acl");
                String v = Tf.str(acl);
                if (v != null && PUBLIC_ACLS.contains(v)) {
                    ctx.report(acl.range(), "Canned ACL '" + v + "' grants "
                            + (v.equals("authenticated-read") ? "every AWS account" : "everyone on the internet")
                            + " access to the bucket; use \"private\" and serve public content through CloudFront"
                            + " with origin access control");
                }
            }
            if (type.equals("aws_s3_bucket_policy") || type.equals("aws_s3_bucket") && r.value("policy") != null) {
                HclExpr policy = r.value("policy");
                for (PolicyDocs.Statement st : PolicyDocs.statements(ctx.text(), f, policy)) {
                    if (st.allow() && !st.hasCondition() && st.principalStar() != null) {
                        ctx.report(st.principalStar().range(), "Bucket policy allows Principal \"*\" without a"
                                + " Condition: anyone can use the allowed actions; name the principals or add a"
                                + " condition (aws:SourceVpce, aws:PrincipalOrgID, a CloudFront distribution ARN)");
                    }
                }
            }
        }
    }
}
