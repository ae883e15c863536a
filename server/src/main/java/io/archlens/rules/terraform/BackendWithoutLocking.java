package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;

/** State backends that do not lock: s3 without DynamoDB or lock file, local, http without lock address. */
public final class BackendWithoutLocking implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/backend-without-locking",
            "State backend does not lock", Severity.WARNING, Category.RELIABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock t : f.blocks("terraform")) {
            for (HclBlock b : t.blocks("backend")) {
                String type = b.label(0);
                if (type == null) {
                    continue;
                }
                switch (type) {
                    case "s3":
                        if (b.value("dynamodb_table") == null && !Boolean.TRUE.equals(Tf.attrBool(b, "use_lockfile"))) {
                            ctx.report(b.labelRange(0), "The s3 backend has no dynamodb_table and no"
                                    + " use_lockfile = true: two applies can run at once and corrupt the state; add"
                                    + " use_lockfile = true (Terraform 1.10+) or a DynamoDB lock table");
                        }
                        break;
                    case "local":
                        ctx.report(b.labelRange(0), "The local backend keeps the state on one machine, unlocked"
                                + " and unshared; use a remote backend with locking (s3 with use_lockfile, gcs,"
                                + " azurerm, HCP Terraform)");
                        break;
                    case "http":
                        if (b.value("lock_address") == null) {
                            ctx.report(b.labelRange(0), "The http backend has no lock_address, so state is not"
                                    + " locked during applies; configure lock_address and unlock_address");
                        }
                        break;
                    default:
                        break;
                }
            }
        }
    }
}
