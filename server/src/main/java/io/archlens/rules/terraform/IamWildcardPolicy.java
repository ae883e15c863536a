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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * IAM statements allowing every action on every resource: {@code jsonencode} policies, JSON heredocs and
 * {@code data "aws_iam_policy_document"} statements; the AdministratorAccess managed policy attached.
 */
public final class IamWildcardPolicy implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/iam-wildcard-policy",
            "IAM policy allows every action on every resource", Severity.ERROR, Category.SECURITY,
            FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        Set<Integer> seen = new HashSet<>();
        for (HclBlock r : Tf.resources(f)) {
            adminAttachment(ctx, r);
        }
        for (List<PolicyDocs.Statement> doc : PolicyDocs.documents(ctx.text(), f)) {
            check(ctx, doc, seen);
        }
    }

    /** AWS's AdministratorAccess managed policy attached to a role, user, group or permission set. */
    private static void adminAttachment(RuleContext ctx, HclBlock r) {
        String type = r.label(0);
        HclExpr arns = type.equals("aws_iam_role") ? r.value("managed_policy_arns")
                : type.equals("aws_ssoadmin_managed_policy_attachment") ? r.value("managed_policy_arn")
                : type.startsWith("aws_iam_") && type.endsWith("policy_attachment") ? r.value("policy_arn") : null;
        for (HclExpr arn : Tf.items(arns)) {
            if (ADMIN.equals(Tf.str(arn))) {
                ctx.report(arn.range(), "The AdministratorAccess managed policy is attached (" + type + " "
                        + r.label(1) + "): it allows every action on every resource, so whoever holds it is an"
                        + " administrator of the account; attach a policy with the actions the workload needs");
            }
        }
    }

    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static void check(RuleContext ctx, List<PolicyDocs.Statement> statements, Set<Integer> seen) {
        for (PolicyDocs.Statement st : statements) {
            if (!st.allow() || st.principalStar() != null) {
                continue;
            }
            PolicyDocs.Val action = null;
            for (PolicyDocs.Val v : st.actions()) {
                if (v.value().equals("*") || v.value().equals("*:*")) {
                    action = v;
                }
            }
            boolean anyResource = false;
            for (PolicyDocs.Val v : st.resources()) {
                if (v.value().equals("*")) {
                    anyResource = true;
                }
            }
            if (action != null && anyResource && seen.add(action.range().start())) {
                ctx.report(action.range(), "Statement allows Action \"*\" on Resource \"*\": whoever holds this"
                        + " policy is an administrator of the account; list the actions and resource ARNs the"
                        + " workload needs");
            }
        }
    }
}
