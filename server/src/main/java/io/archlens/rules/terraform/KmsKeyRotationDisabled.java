package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;

/** Symmetric KMS keys (AWS) and Cloud KMS keys (GCP) without automatic rotation. */
public final class KmsKeyRotationDisabled implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/kms-key-rotation-disabled",
            "Encryption key is never rotated", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock k : f.resources("aws_kms_key")) {
            String spec = Tf.attrStr(k, "customer_master_key_spec");
            if (spec == null) {
                spec = Tf.attrStr(k, "key_spec");
            }
            String usage = Tf.attrStr(k, "key_usage");
            if (spec != null && !spec.equals("SYMMETRIC_DEFAULT") || usage != null && !usage.equals("ENCRYPT_DECRYPT")) {
                continue; // asymmetric and HMAC keys cannot rotate automatically
            }
            HclAttribute a = k.attr("enable_key_rotation");
            if (a == null) {
                Tf.report(ctx, k.nameRange(), "KMS key " + k.label(1) + " does not enable rotation: one key version"
                        + " protects all data for years; set enable_key_rotation = true (yearly, transparent to"
                        + " callers)", Tf.addAttribute(ctx.file(), k, "enable_key_rotation = true", true));
            } else if (Boolean.FALSE.equals(Tf.bool(a.value()))) {
                Tf.report(ctx, a.value().range(), "KMS key " + k.label(1) + " has rotation turned off; set"
                        + " enable_key_rotation = true (transparent to callers)", Tf.setValue(a, "true", true));
            }
        }
        for (HclBlock k : f.resources("google_kms_crypto_key")) {
            String purpose = Tf.attrStr(k, "purpose");
            if (purpose != null && !purpose.equals("ENCRYPT_DECRYPT")) {
                continue;
            }
            if (k.value("rotation_period") == null) {
                Tf.report(ctx, k.nameRange(), "Cloud KMS key " + k.label(1) + " has no rotation_period and is"
                        + " never rotated; set rotation_period (e.g. \"7776000s\", 90 days)",
                        Tf.addAttribute(ctx.file(), k, "rotation_period = \"7776000s\"", true));
            }
        }
    }
}
