package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Data stores and brokers that accept unencrypted (or unauthenticated) connections: DocumentDB with TLS off,
 * OpenSearch without HTTPS or node-to-node encryption, MSK plaintext listeners, Cloud SQL and Memorystore without
 * TLS or AUTH, Azure databases and Redis with SSL enforcement off, a non-TLS port or TLS below 1.2.
 */
public final class DatastoreTlsNotEnforced extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/datastore-tls-not-enforced",
            "Data store accepts unencrypted connections", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM);

    private static final String SNIFF = ": passwords, queries and data cross the network in clear (readable and"
            + " changeable by anyone on the path)";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_docdb_cluster_parameter_group", "aws_elasticsearch_domain", "aws_opensearch_domain",
                "aws_msk_cluster", "google_sql_database_instance", "google_redis_instance",
                "azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mssql_server", "azurerm_redis_cache");
    }

    @Override
    void judge(Subject s) {
        String n = s.name();
        switch (s.type()) {
            case "aws_docdb_cluster_parameter_group" -> {
                for (HclBlock p : s.blocks(s.block(), "parameter")) {
                    Subject.Attr name = s.attr(p, "name");
                    Subject.Attr value = s.attr(p, "value");
                    if (TfArgs.is(name, "tls") && TfArgs.is(value, "disabled")) {
                        s.bad(value, "Parameter group " + n + " sets tls = disabled: DocumentDB clusters using it"
                                + " accept plaintext connections" + SNIFF + "; set it to \"enabled\"", null);
                    }
                }
            }
            case "aws_elasticsearch_domain", "aws_opensearch_domain" -> search(s);
            case "aws_msk_cluster" -> {
                Subject.Attr cb = TfArgs.attr(s, "encryption_info.encryption_in_transit.client_broker");
                if (TfArgs.is(cb, "PLAINTEXT", "TLS_PLAINTEXT")) {
                    s.bad(cb, "MSK cluster " + n + " has client_broker = \"" + cb.str() + "\": clients may"
                            + " produce and consume without TLS" + SNIFF + "; use \"TLS\"", null);
                }
                TfArgs.flag(s, "encryption_info.encryption_in_transit.in_cluster", true, "MSK cluster " + n
                        + " has in_cluster = false: replication between brokers is unencrypted; it can only be"
                        + " turned on when the cluster is created", null);
            }
            case "google_sql_database_instance" -> cloudSql(s);
            case "google_redis_instance" -> memorystore(s);
            case "azurerm_postgresql_server", "azurerm_mysql_server" -> TfArgs.flag(s, "ssl_enforcement_enabled",
                    true, "Server " + n + " has ssl_enforcement_enabled = false: clients may connect without TLS"
                    + SNIFF + "; set it to true", null);
            case "azurerm_mssql_server" -> {
                Subject.Attr v = s.attr("minimum_tls_version");
                if (TfArgs.is(v, "1.0", "1.1", "Disabled")) {
                    s.bad(v, "SQL server " + n + " accepts TLS below 1.2 (minimum_tls_version = \"" + v.str()
                            + "\"): old protocol versions with known weaknesses; set \"1.2\"", null);
                }
            }
            default -> redis(s);
        }
    }

    private static void search(Subject s) {
        String n = s.name();
        TfArgs.flag(s, "domain_endpoint_options.enforce_https", true, "Domain " + n + " has enforce_https ="
                + " false: the search API is served over plain HTTP" + SNIFF + "; set it to true with"
                + " tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\"", null);
        Subject.Attr count = TfArgs.attr(s, "cluster_config.instance_count");
        Double nodes = count == null ? null : count.num();
        if (nodes == null || nodes <= 1) {
            return; // one node (or unknown): nothing travels between nodes
        }
        TfArgs.flag(s, "node_to_node_encryption.enabled", true, "Domain " + n + " turns node-to-node encryption"
                + " off: shard data travels between its " + nodes.intValue() + " nodes in clear; it can only be"
                + " turned on when the domain is created", "Domain " + n + " has " + nodes.intValue() + " nodes"
                + " and no node_to_node_encryption { enabled = true } (default off): shard data travels between"
                + " them in clear; it can only be turned on when the domain is created");
    }

    private static void cloudSql(Subject s) {
        String n = s.name();
        Subject.Attr mode = TfArgs.attr(s, "settings.ip_configuration.ssl_mode");
        Subject.Attr require = TfArgs.attr(s, "settings.ip_configuration.require_ssl");
        if (mode != null) {
            if (TfArgs.is(mode, "ALLOW_UNENCRYPTED_AND_ENCRYPTED")) {
                s.bad(mode, "Cloud SQL instance " + n + " allows unencrypted connections" + SNIFF + "; set"
                        + " ssl_mode = \"ENCRYPTED_ONLY\" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED)", null);
            }
        } else if (require != null) {
            if (require.isFalse()) {
                s.bad(require, "Cloud SQL instance " + n + " has require_ssl = false" + SNIFF + "; set"
                        + " ssl_mode = \"ENCRYPTED_ONLY\"", null);
            }
        } else {
            s.missing("Cloud SQL instance " + n + " does not set settings.ip_configuration.ssl_mode (the default"
                    + " allows unencrypted connections)" + SNIFF + "; set ssl_mode = \"ENCRYPTED_ONLY\"", null);
        }
    }

    private static void memorystore(Subject s) {
        String n = s.name();
        List<String> off = new ArrayList<>();
        Subject.Attr mode = s.attr("transit_encryption_mode");
        if (mode == null) {
            off.add("in-transit encryption (transit_encryption_mode, default DISABLED)");
        } else if (TfArgs.is(mode, "DISABLED")) {
            s.bad(mode, "Memorystore instance " + n + " has transit_encryption_mode = \"DISABLED\"" + SNIFF
                    + "; use \"SERVER_AUTHENTICATION\" (only when the instance is created)", null);
        }
        Subject.Attr auth = s.attr("auth_enabled");
        if (auth == null) {
            off.add("AUTH (auth_enabled, default false: any client on the network can read and write)");
        } else if (auth.isFalse()) {
            s.bad(auth, "Memorystore instance " + n + " has auth_enabled = false: any client that reaches it on"
                    + " the network can read and write every key; set it to true", null);
        }
        if (!off.isEmpty()) {
            s.missing("Memorystore instance " + n + " does not enable " + String.join(" nor ", off), null);
        }
    }

    private static void redis(Subject s) {
        String n = s.name();
        for (String flag : List.of("enable_non_ssl_port", "non_ssl_port_enabled")) {
            Subject.Attr a = s.attr(flag);
            if (a != null && a.isTrue()) {
                s.bad(a, "Redis cache " + n + " opens its non-TLS port 6379" + SNIFF + "; set " + flag
                        + " = false and connect on 6380 with TLS", null);
            }
        }
        Subject.Attr v = s.attr("minimum_tls_version");
        if (TfArgs.is(v, "1.0", "1.1")) {
            s.bad(v, "Redis cache " + n + " accepts TLS " + v.str() + ": old protocol versions with known"
                    + " weaknesses; set minimum_tls_version = \"1.2\"", null);
        }
    }
}
