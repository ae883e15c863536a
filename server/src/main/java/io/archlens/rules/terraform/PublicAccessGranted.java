package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.List;

/**
 * A resource that grants access to everyone, written as a fact: a DB snapshot shared with all accounts, a Lambda
 * permission or a role trust or KMS key policy for any principal (without a condition), an anonymous-read blob
 * container, a public MQ broker, an Azure database firewall rule spanning all IPv4 addresses.
 */
public final class PublicAccessGranted extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/public-access-granted",
            "Resource grants access to everyone", Severity.ERROR, Category.SECURITY, FileKind.TERRAFORM);

    private static final List<String> FIREWALLS = List.of("azurerm_sql_firewall_rule", "azurerm_mssql_firewall_rule",
            "azurerm_postgresql_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule",
            "azurerm_mysql_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule",
            "azurerm_mariadb_firewall_rule");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        List<String> t = new java.util.ArrayList<>(List.of("aws_db_snapshot", "aws_db_cluster_snapshot",
                "aws_lambda_permission", "aws_iam_role", "aws_kms_key", "aws_kms_key_policy",
                "azurerm_storage_container", "aws_mq_broker"));
        t.addAll(FIREWALLS);
        return t;
    }

    @Override
    void judge(Subject s) {
        String what = s.type() + " " + s.name();
        switch (s.type()) {
            case "aws_db_snapshot", "aws_db_cluster_snapshot" -> {
                Subject.Attr a = s.attr("shared_accounts");
                List<String> accounts = a == null ? null : TfArgs.strings(a.value());
                if (accounts != null && accounts.contains("all")) {
                    s.bad(a, "Snapshot " + s.name() + " is shared with \"all\": every AWS account can copy it and"
                            + " restore the database with its data; share it with named account ids only", null);
                }
            }
            case "aws_lambda_permission" -> {
                Subject.Attr p = s.attr("principal");
                Subject.Attr action = s.attr("action");
                if (p != null && "*".equals(p.str()) && s.attr("source_arn") == null
                        && s.attr("source_account") == null && s.attr("principal_org_id") == null
                        && !TfArgs.is(action, "lambda:InvokeFunctionUrl")) {
                    s.bad(p, "Permission " + s.name() + " lets any principal invoke the function (principal \"*\""
                            + " without source_arn, source_account or principal_org_id): anyone with AWS credentials"
                            + " can call it; name the service principal and the source ARN that invokes it", null);
                }
            }
            case "aws_iam_role" -> policy(s, "assume_role_policy", "Role " + s.name() + " can be assumed by any AWS"
                    + " principal (\"*\" in its trust policy, without a condition): anyone with an AWS account gets"
                    + " its permissions; trust the account or role ARNs that need it");
            case "aws_kms_key", "aws_kms_key_policy" -> policy(s, "policy", "The key policy of " + what + " allows"
                    + " any principal (\"*\", without a condition): every AWS account may use or manage the key as"
                    + " far as the statement's actions go; name the account or role ARNs");
            case "azurerm_storage_container" -> {
                Subject.Attr a = s.attr("container_access_type");
                if (TfArgs.is(a, "blob", "container")) {
                    s.bad(a, "Container " + s.name() + " has container_access_type = \"" + a.str() + "\": anyone"
                            + " on the internet can read its blobs" + (TfArgs.is(a, "container") ? " and list them"
                            : "") + " without credentials; use \"private\" and hand out SAS tokens or a CDN", null);
                }
            }
            case "aws_mq_broker" -> {
                Subject.Attr a = s.attr("publicly_accessible");
                if (a != null && a.isTrue()) {
                    s.bad(a, "Broker " + s.name() + " has publicly_accessible = true: it gets a public endpoint and"
                            + " only its users' passwords protect the queues; set it to false and reach it from"
                            + " the VPC", null);
                }
            }
            default -> firewall(s);
        }
    }

    private static void policy(Subject s, String attr, String message) {
        if (!s.local() || s.block().attr(attr) == null) {
            return; // policies are read as written in the analysed file
        }
        for (PolicyDocs.Statement st : PolicyDocs.statements(s.ctx().text(), s.file().model(),
                s.block().attr(attr).value())) {
            if (st.allow() && st.principalStar() != null && !st.hasCondition()) {
                Tf.report(s.ctx(), st.principalStar().range(), message);
                return;
            }
        }
    }

    private static void firewall(Subject s) {
        Subject.Attr start = s.attr("start_ip_address");
        Subject.Attr end = s.attr("end_ip_address");
        if (TfArgs.is(start, "0.0.0.0", "0.0.0.0/0") && TfArgs.is(end, "255.255.255.255")) {
            s.bad(end, "Firewall rule " + s.name() + " allows every IPv4 address (0.0.0.0 to 255.255.255.255): the"
                    + " database login is the only thing between the internet and the data; allow the addresses"
                    + " that need it, or use a private endpoint", null);
        }
    }
}
