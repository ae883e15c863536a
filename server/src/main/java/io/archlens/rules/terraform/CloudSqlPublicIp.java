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

/** Cloud SQL instances with a public IPv4 address (the provider default), worst with 0.0.0.0/0 authorized. */
public final class CloudSqlPublicIp implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/cloudsql-public-ip",
            "Cloud SQL instance has a public IP address", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock db : f.resources("google_sql_database_instance")) {
            HclBlock settings = db.block("settings");
            if (settings == null) {
                continue;
            }
            HclBlock ip = settings.block("ip_configuration");
            HclExpr v4 = ip == null ? null : ip.value("ipv4_enabled");
            Boolean on = Tf.bool(v4);
            if (Boolean.FALSE.equals(on) || v4 != null && on == null) {
                continue;
            }
            boolean open = false;
            if (ip != null) {
                for (HclBlock an : ip.blocks("authorized_networks")) {
                    HclExpr v = an.value("value");
                    if ("0.0.0.0/0".equals(Tf.str(v))) {
                        open = true;
                        ctx.report(v.range(), "Cloud SQL instance " + db.label(1) + " authorizes 0.0.0.0/0: the"
                                + " database port is open to the internet; use a private IP (private_network) and"
                                + " the Cloud SQL Auth Proxy");
                    }
                }
            }
            if (!open) {
                ctx.report(v4 != null ? v4.range() : ip != null ? ip.typeRange() : db.nameRange(), "Cloud SQL"
                        + " instance " + db.label(1) + " has a public IPv4 address"
                        + (v4 == null ? " (ipv4_enabled defaults to true)" : "") + "; set ipv4_enabled = false"
                        + " with a private_network, or at least keep authorized_networks narrow");
            }
        }
    }
}
