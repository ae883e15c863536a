package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * Symmetric KMS keys (AWS) and Cloud KMS keys (GCP) without automatic rotation, judged on evaluated values
 * ({@code enable_key_rotation = var.rotate} with a default of {@code false} counts).
 */
public final class KmsKeyRotationDisabled extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/kms-key-rotation-disabled",
            "Encryption key is never rotated", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_kms_key", "google_kms_crypto_key");
    }

    @Override
    void judge(Subject s) {
        HclBlock k = s.block();
        if (s.type().equals("google_kms_crypto_key")) {
            Subject.Attr purpose = s.attr("purpose");
            if (purpose != null && purpose.value().known() && !TfArgs.is(purpose, "ENCRYPT_DECRYPT")) {
                return; // asymmetric and MAC keys do not rotate
            }
            if (s.attr("rotation_period") == null) {
                s.missing("Cloud KMS key " + k.label(1) + " has no rotation_period and is never rotated; set"
                        + " rotation_period (e.g. \"7776000s\", 90 days)",
                        s.addAttribute(k, "rotation_period = \"7776000s\"", true));
            }
            return;
        }
        Subject.Attr spec = s.attr("customer_master_key_spec");
        if (spec == null) {
            spec = s.attr("key_spec");
        }
        Subject.Attr usage = s.attr("key_usage");
        if (spec != null && !TfArgs.is(spec, "SYMMETRIC_DEFAULT") && spec.value().known()
                || usage != null && !TfArgs.is(usage, "ENCRYPT_DECRYPT") && usage.value().known()) {
            return; // asymmetric and HMAC keys cannot rotate automatically
        }
        Subject.Attr a = s.attr("enable_key_rotation");
        if (a == null) {
            s.missing("KMS key " + k.label(1) + " does not enable rotation: one key version protects all data for"
                    + " years; set enable_key_rotation = true (yearly, transparent to callers)",
                    s.addAttribute(k, "enable_key_rotation = true", true));
        } else if (a.isFalse()) {
            s.bad(a, "KMS key " + k.label(1) + " has rotation turned off; set enable_key_rotation = true"
                    + " (transparent to callers)", Tf.setValue(a.attr(), "true", true));
        }
    }
}
