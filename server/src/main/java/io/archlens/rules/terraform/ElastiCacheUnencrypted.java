package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;

/** An ElastiCache (Redis/Valkey) replication group without encryption at rest, in transit, or an auth token. */
public final class ElastiCacheUnencrypted extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/elasticache-unencrypted",
            "ElastiCache replication group lacks encryption or authentication", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_elasticache_replication_group");
    }

    @Override
    void judge(Subject s) {
        List<String> missing = new ArrayList<>();
        check(s, "at_rest_encryption_enabled", "encryption at rest (snapshots and swap in clear)", missing);
        Subject.Attr transit = s.attr("transit_encryption_enabled");
        check(s, "transit_encryption_enabled", "encryption in transit (commands and data readable on the network)",
                missing);
        if (transit != null && transit.isTrue() && s.attr("auth_token") == null
                && s.block().attr("user_group_ids") == null) {
            s.missing("Replication group " + s.name() + " has no auth_token or user_group_ids: any client that"
                    + " reaches the port can read and write the cache; set an auth_token (from a secret store) or"
                    + " RBAC user groups", null);
        }
        if (!missing.isEmpty()) {
            s.missing("Replication group " + s.name() + " does not enable " + String.join(" nor ", missing)
                    + "; both can only be turned on when the group is created", null);
        }
    }

    /** A literal false is reported on the value; an absent argument (default false) is collected. */
    private static void check(Subject s, String name, String what, List<String> missing) {
        Subject.Attr a = s.attr(name);
        if (a == null) {
            missing.add(what);
        } else if (a.isFalse()) {
            s.bad(a, name + " = false on replication group " + s.name() + ": no " + what + "; it can only be turned"
                    + " on when the group is created", null);
        }
    }
}
