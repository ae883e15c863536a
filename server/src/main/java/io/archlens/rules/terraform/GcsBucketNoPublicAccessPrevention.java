package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A Cloud Storage bucket that does not enforce public access prevention or uniform bucket-level access: one IAM
 * binding or object ACL away from publishing its objects.
 */
public final class GcsBucketNoPublicAccessPrevention extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/gcs-bucket-no-public-access-prevention",
            "Cloud Storage bucket does not prevent public access", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("google_storage_bucket");
    }

    @Override
    void judge(Subject s) {
        String n = s.name();
        List<String> off = new ArrayList<>();
        Subject.Attr pap = s.attr("public_access_prevention");
        if (pap == null) {
            off.add("public_access_prevention = \"enforced\" (default \"inherited\": only an organisation policy,"
                    + " assumed absent, stops an allUsers grant)");
        } else if (TfArgs.is(pap, "inherited", "unspecified")) {
            s.bad(pap, "Bucket " + n + " does not enforce public access prevention (\"" + pap.str() + "\"): one"
                    + " allUsers grant publishes its objects; set public_access_prevention = \"enforced\"", null);
        }
        Subject.Attr uniform = s.attr("uniform_bucket_level_access");
        if (uniform == null) {
            off.add("uniform_bucket_level_access = true (object ACLs can make single objects public unnoticed)");
        } else if (uniform.isFalse()) {
            s.bad(uniform, "Bucket " + n + " has uniform_bucket_level_access = false: object ACLs can make single"
                    + " objects public, out of sight of the bucket's IAM policy; set it to true", null);
        }
        if (!off.isEmpty()) {
            s.missing("Bucket " + n + " does not set " + String.join(" nor ", off), null);
        }
    }
}
