package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;
import io.archlens.syntax.hcl.eval.ModuleEnv;
import io.archlens.syntax.hcl.eval.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * An S3 bucket without an {@code aws_s3_bucket_public_access_block} (or with one that leaves a setting off),
 * unless the file sets the account-wide block.
 */
public final class S3BucketNoPublicAccessBlock implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/s3-bucket-no-public-access-block",
            "S3 bucket is not protected by a public access block", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM).withFix();

    static final List<String> SETTINGS = List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
            "restrict_public_buckets");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        ModuleEnv env = TfEnv.env(f, ctx);
        for (HclBlock acct : f.moduleResources("aws_s3_account_public_access_block")) {
            if (allOn(env, acct)) {
                return;
            }
        }
        for (HclBlock b : S3.buckets(f)) {
            List<HclBlock> links = S3.links(f, b, "aws_s3_bucket_public_access_block");
            if (links.isEmpty()) {
                ctx.report(b.nameRange(), "Bucket " + b.label(1) + " has no aws_s3_bucket_public_access_block:"
                        + " one ACL or policy change can make it public; add the block with all four settings"
                        + " true");
                continue;
            }
            List<HclBlock> here = f.resources("aws_s3_bucket_public_access_block");
            for (HclBlock pab : links) {
                if (!here.contains(pab)) {
                    elsewhere(ctx, b, pab);
                    continue;
                }
                List<String> missing = new ArrayList<>();
                for (String s : SETTINGS) {
                    HclAttribute a = pab.attr(s);
                    if (a == null) {
                        missing.add(s);
                    } else if (Boolean.FALSE.equals(env.eval(a.value()).bool())) {
                        Value v = env.eval(a.value());
                        Tf.report(ctx, a.value().range(), s + " = false on the public access block of bucket "
                                + b.label(1) + " lets public " + (s.contains("policy") || s.contains("restrict")
                                        ? "bucket policies" : "ACLs") + " through; set it to true"
                                        + (v.trace().isEmpty() ? "" : " (" + Subject.origin(v.trace().get(0).note())
                                                + ")"),
                                v.trace().isEmpty() ? Tf.setValue(a, "true", false) : null);
                    }
                }
                if (!missing.isEmpty()) {
                    List<Fix> fixes = new ArrayList<>();
                    io.archlens.analysis.Edit e = Tf.insertAttribute(ctx.file(), pab,
                            String.join(" = true" + io.archlens.analysis.SuppressionEdits.newline(ctx.file())
                                    + indentFor(ctx, pab), missing) + " = true");
                    if (e != null) {
                        fixes.add(Fix.unsafe("Add " + String.join(", ", missing) + " = true", e));
                    }
                    ctx.report(pab.nameRange(), "Public access block of bucket " + b.label(1) + " leaves "
                            + String.join(", ", missing) + " unset (default false); set all four to true",
                            fixes, List.of());
                }
            }
        }
    }

    /**
     * The bucket's public access block is in another file of the module: its gaps are reported on the bucket
     * here (positions and fixes belong to the file being analysed).
     */
    private static void elsewhere(RuleContext ctx, HclBlock bucket, HclBlock pab) {
        List<String> off = new ArrayList<>();
        for (String s : SETTINGS) {
            if (!Boolean.TRUE.equals(Tf.attrBool(pab, s)) && (pab.attr(s) == null || Tf.attrBool(pab, s) != null)) {
                off.add(s);
            }
        }
        if (!off.isEmpty()) {
            ctx.report(bucket.nameRange(), "The public access block " + pab.address() + " of bucket " + bucket.label(1)
                    + " (in another file of the module) leaves " + String.join(", ", off) + " false or unset: public"
                    + " ACLs or policies get through; set all four to true");
        }
    }

    private static String indentFor(RuleContext ctx, HclBlock block) {
        if (!block.body().attributes().isEmpty()) {
            return Tf.indentAt(ctx.file(), block.body().attributes().get(0).range().start());
        }
        return Tf.indentAt(ctx.file(), block.range().start()) + Tf.indentUnit(ctx.file());
    }

    /** All four settings evaluate to true (a variable whose default is true counts). */
    private static boolean allOn(ModuleEnv env, HclBlock b) {
        for (String s : SETTINGS) {
            if (!Boolean.TRUE.equals(env.eval(b.value(s)).bool())) {
                return false;
            }
        }
        return true;
    }
}
