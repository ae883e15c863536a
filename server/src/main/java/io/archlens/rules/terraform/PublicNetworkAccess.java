package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.List;
import java.util.Map;

/**
 * Azure databases, storage accounts and Key Vaults that accept connections on their public endpoint
 * ({@code public_network_access_enabled}; for storage and vaults, unless network rules deny by default).
 */
public final class PublicNetworkAccess extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/database-public-network-access",
            "Azure database, storage account or vault accepts connections from the internet", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    private static final Map<String, String> WHAT = Map.of(
            "azurerm_mssql_server", "Azure SQL server",
            "azurerm_postgresql_server", "PostgreSQL server",
            "azurerm_postgresql_flexible_server", "PostgreSQL flexible server",
            "azurerm_mysql_server", "MySQL server",
            "azurerm_cosmosdb_account", "Cosmos DB account",
            "azurerm_storage_account", "Storage account",
            "azurerm_key_vault", "Key Vault",
            "azurerm_storage_account_network_rules", "Storage account network rules");

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
        if (s.type().equals("azurerm_storage_account_network_rules")) {
            Subject.Attr d = s.attr("default_action");
            if (TfArgs.is(d, "Allow")) {
                s.bad(d, "Storage account network rules " + s.name() + " allow every network by default: only the"
                        + " account keys and SAS tokens stand between the internet and the data; set default_action"
                        + " = \"Deny\" and list the networks that need it", null);
            }
            return;
        }
        if (s.type().equals("azurerm_storage_account") || s.type().equals("azurerm_key_vault")) {
            if (networkRestricted(s) || s.type().equals("azurerm_storage_account") && !Tf.linked(s.file().model(),
                    "azurerm_storage_account_network_rules", "storage_account_id", s.block(), null).isEmpty()) {
                return;
            }
        }
        Subject.Attr a = s.attr("public_network_access_enabled");
        String why = s.type().equals("azurerm_storage_account") ? ": only the account keys and SAS tokens stand"
                + " between the internet and the data; set public_network_access_enabled = false (private endpoint)"
                + " or network_rules { default_action = \"Deny\" }" : s.type().equals("azurerm_key_vault")
                ? ": anyone on the internet can try its API; set public_network_access_enabled = false (private"
                + " endpoint) or network_acls { default_action = \"Deny\" } with the allowed addresses"
                : ": only its firewall rules stand between the internet and the database; set"
                + " public_network_access_enabled = false and reach it through a private endpoint";
        String what = WHAT.get(s.type()) + " " + s.name();
        if (a == null) {
            s.missing(what + " does not set public_network_access_enabled (default true)" + why, null);
        } else if (a.isTrue()) {
            s.bad(a, what + " has public_network_access_enabled = true" + why, null);
        }
    }

    /** Network rules that deny by default (storage accounts, Key Vault ACLs). */
    private static boolean networkRestricted(Subject s) {
        String block = s.type().equals("azurerm_key_vault") ? "network_acls" : "network_rules";
        io.archlens.syntax.hcl.HclBlock rules = s.block(s.block(), block);
        if (rules == null) {
            return false;
        }
        Subject.Attr d = s.attr(rules, "default_action");
        if (TfArgs.is(d, "Deny")) {
            return true;
        }
        if (d != null && !d.value().known()) {
            return true; // unknown: decided elsewhere
        }
        if (TfArgs.is(d, "Allow")) {
            Subject.Attr pna = s.attr("public_network_access_enabled");
            if (pna == null || !pna.isFalse()) {
                s.bad(d, WHAT.get(s.type()) + " " + s.name() + " allows every network by default (" + block
                        + " default_action = \"Allow\"): anyone on the internet reaches its endpoint; set it to"
                        + " \"Deny\" and list the networks that need it", null);
                return true;
            }
        }
        return false;
    }
}
