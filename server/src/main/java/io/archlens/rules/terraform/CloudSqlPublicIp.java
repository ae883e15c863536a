package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * A Cloud SQL instance whose {@code ip_configuration} enables a public IPv4 address, or authorizes the whole
 * internet. Without an {@code ip_configuration}, or without authorized networks, a public address only accepts
 * the Cloud SQL Auth Proxy and connectors (IAM-authorized): not reported.
 */
public final class CloudSqlPublicIp extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/cloudsql-public-ip",
            "Cloud SQL instance has a public IP address", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("google_sql_database_instance");
    }

    @Override
    void judge(Subject s) {
        HclBlock db = s.block();
        HclBlock settings = s.block(db, "settings");
        HclBlock ip = settings == null ? null : s.block(settings, "ip_configuration");
        if (ip == null) {
            return;
        }
        Subject.Attr v4 = s.attr(ip, "ipv4_enabled");
        if (v4 != null && !v4.isTrue()) {
            return;
        }
        List<HclBlock> networks = s.blocks(ip, "authorized_networks");
        for (HclBlock an : networks) {
            Subject.Attr v = s.attr(an, "value");
            if (v != null && "0.0.0.0/0".equals(v.str())) {
                s.bad(v, "Cloud SQL instance " + db.label(1) + " authorizes 0.0.0.0/0: the database port is open"
                        + " to the internet; use a private IP (private_network) and the Cloud SQL Auth Proxy", null);
                return;
            }
        }
        String advice = "; set ipv4_enabled = false with a private_network, or at least keep authorized_networks"
                + " narrow";
        if (v4 != null) {
            s.bad(v4, "Cloud SQL instance " + db.label(1) + " has a public IPv4 address" + advice, null);
        } else if (!networks.isEmpty()) {
            s.missing(ip.typeRange(), "Cloud SQL instance " + db.label(1) + " has a public IPv4 address (ipv4_enabled"
                    + " defaults to true) reachable from its authorized_networks" + advice, null);
        }
    }
}
