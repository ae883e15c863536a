package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.List;
import java.util.Map;

/** Azure databases that accept connections on their public endpoint ({@code public_network_access_enabled}). */
public final class PublicNetworkAccess extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/database-public-network-access",
            "Azure database accepts connections from the internet", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    private static final Map<String, String> WHAT = Map.of(
            "azurerm_mssql_server", "Azure SQL server",
            "azurerm_postgresql_server", "PostgreSQL server",
            "azurerm_postgresql_flexible_server", "PostgreSQL flexible server",
            "azurerm_mysql_server", "MySQL server",
            "azurerm_cosmosdb_account", "Cosmos DB account");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.copyOf(WHAT.keySet());
    }

    @Override
    void judge(Subject s) {
        if (s.type().equals("azurerm_postgresql_flexible_server") && s.attr("delegated_subnet_id") != null) {
            return; // VNet-integrated: no public endpoint
        }
        Subject.Attr a = s.attr("public_network_access_enabled");
        String why = ": only its firewall rules stand between the internet and the database; set"
                + " public_network_access_enabled = false and reach it through a private endpoint";
        String what = WHAT.get(s.type()) + " " + s.name();
        if (a == null) {
            s.missing(what + " does not set public_network_access_enabled (default true)" + why, null);
        } else if (a.isTrue()) {
            s.bad(a, what + " has public_network_access_enabled = true" + why, null);
        }
    }
}
