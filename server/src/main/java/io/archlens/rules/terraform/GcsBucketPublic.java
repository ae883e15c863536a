package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.eval.Value;
import java.util.List;
import java.util.Set;

/** A Cloud Storage bucket IAM grant to {@code allUsers} or {@code allAuthenticatedUsers}. */
public final class GcsBucketPublic extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/gcs-bucket-public",
            "Cloud Storage bucket is readable by anyone", Severity.ERROR, Category.SECURITY, FileKind.TERRAFORM);

    private static final Set<String> PUBLIC = Set.of("allUsers", "allAuthenticatedUsers");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("google_storage_bucket_iam_member", "google_storage_bucket_iam_binding");
    }

    @Override
    void judge(Subject s) {
        Subject.Attr a = s.attr(s.type().endsWith("_member") ? "member" : "members");
        if (a == null || !a.value().known()) {
            return;
        }
        List<Value> members = a.value().list() != null ? a.value().list() : List.of(a.value());
        for (Value m : members) {
            if (m.str() != null && PUBLIC.contains(m.str())) {
                Subject.Attr role = s.attr("role");
                s.bad(a, "The bucket grants " + (role != null && role.str() != null ? role.str() : "a role") + " to "
                        + m.str() + ": " + (m.str().equals("allUsers") ? "anyone on the internet"
                        : "anyone with a Google account") + " can use it; grant it to the service accounts or groups"
                        + " that need it, or serve public files through a CDN with signed URLs", null);
                return;
            }
        }
    }
}
