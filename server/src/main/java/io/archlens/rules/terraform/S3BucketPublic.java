package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import java.util.List;
import java.util.Set;

/** S3 buckets made public by a canned ACL or by a bucket policy allowing everyone ("*") without a condition. */
public final class S3BucketPublic extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/s3-bucket-public",
            "S3 bucket is readable or writable by anyone", Severity.ERROR, Category.SECURITY, FileKind.TERRAFORM);

    private static final Set<String> PUBLIC_ACLS = Set.of("public-read", "public-read-write", "authenticated-read");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_s3_bucket", "aws_s3_bucket_acl", "aws_s3_bucket_policy");
    }

    @Override
    void judge(Subject s) {
        HclBlock r = s.block();
        Subject.Attr acl = s.type().equals("aws_s3_bucket_policy") ? null : s.attr("acl");
        String v = acl == null ? null : acl.str();
        if (v != null && PUBLIC_ACLS.contains(v)) {
            s.bad(acl, "Canned ACL '" + v + "' grants "
                    + (v.equals("authenticated-read") ? "every AWS account" : "everyone on the internet")
                    + " access to the bucket; use \"private\" and serve public content through CloudFront"
                    + " with origin access control", null);
        }
        HclExpr policy = r.value("policy");
        if (policy == null || !s.local() || s.type().equals("aws_s3_bucket_acl")) {
            return; // policy documents are read where they are written
        }
        RuleContext ctx = s.ctx();
        for (PolicyDocs.Statement st : PolicyDocs.statements(ctx.text(), s.file().model(), policy)) {
            if (st.allow() && !st.hasCondition() && st.principalStar() != null) {
                ctx.report(st.principalStar().range(), "Bucket policy allows Principal \"*\" without a"
                        + " Condition: anyone can use the allowed actions; name the principals or add a"
                        + " condition (aws:SourceVpce, aws:PrincipalOrgID, a CloudFront distribution ARN)");
            }
        }
    }
}
