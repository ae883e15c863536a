package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Access and audit logs that are not kept: load balancer and API Gateway access logs, database logs not exported,
 * EKS control plane audit logs, GKE logging turned off, CloudTrail limited to one region or without log file
 * validation.
 */
public final class LoggingDisabled extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/logging-disabled",
            "Access or audit logs are not kept", Severity.WARNING, Category.OBSERVABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_lb", "aws_alb", "aws_elb", "aws_api_gateway_stage", "aws_apigatewayv2_stage",
                "aws_db_instance", "aws_eks_cluster", "google_container_cluster", "aws_cloudtrail");
    }

    @Override
    void judge(Subject s) {
        String n = s.name();
        switch (s.type()) {
            case "aws_lb", "aws_alb" -> {
                if (TfArgs.is(s.attr("load_balancer_type"), "gateway")) {
                    return;
                }
                String why = ": there is no record of who called what, with which status and latency, for incident"
                        + " response and debugging; add access_logs { bucket = ..., enabled = true }";
                TfArgs.flag(s, "access_logs.enabled", true, "Load balancer " + n + " has access logs turned off"
                        + why, s.block(s.block(), "access_logs") == null ? "Load balancer " + n + " keeps no"
                        + " access logs (no access_logs block)" + why : "Load balancer " + n + " has an"
                        + " access_logs block without enabled = true (default false)" + why);
            }
            case "aws_elb" -> {
                String why = ": there is no record of who called what; add access_logs { bucket = ... }";
                if (s.block(s.block(), "access_logs") == null) {
                    s.missing("Classic load balancer " + n + " keeps no access logs (no access_logs block)" + why,
                            null);
                } else {
                    TfArgs.flag(s, "access_logs.enabled", true, "Classic load balancer " + n + " has access logs"
                            + " turned off" + why, null);
                }
            }
            case "aws_api_gateway_stage", "aws_apigatewayv2_stage" -> {
                if (TfArgs.attr(s, "access_log_settings.destination_arn") == null) {
                    s.missing("API stage " + n + " keeps no access logs (no access_log_settings with a"
                            + " destination_arn): there is no record of callers, routes, statuses and latencies;"
                            + " send them to a CloudWatch log group or Firehose", null);
                }
            }
            case "aws_db_instance" -> database(s);
            case "aws_eks_cluster" -> eks(s);
            case "google_container_cluster" -> {
                Subject.Attr a = s.attr("logging_service");
                if (TfArgs.is(a, "none")) {
                    s.bad(a, "GKE cluster " + n + " has logging_service = \"none\": no container, system or audit"
                            + " logs reach Cloud Logging; use \"logging.googleapis.com/kubernetes\"", null);
                }
            }
            default -> cloudTrail(s);
        }
    }

    private static void database(Subject s) {
        if (Rds.clusterMember(s) || Rds.inherits(s.block())) {
            return;
        }
        ProdStage stage = ProdStage.of(s);
        if (!stage.judged()) {
            return; // outside production, exporting database logs is a cost choice
        }
        Subject.Attr a = s.attr("enabled_cloudwatch_logs_exports");
        List<String> types = a == null ? List.of() : TfArgs.strings(a.value());
        if (types != null && types.isEmpty()) {
            String message = "Production database " + s.name() + " exports no logs to CloudWatch"
                    + " (enabled_cloudwatch_logs_exports): errors, slow queries and audit records stay on the"
                    + " instance and are lost with it; export them (\"postgresql\"; \"error\", \"slowquery\" for"
                    + " MySQL)" + stage.suffix();
            if (a == null) {
                s.missing(message, null);
            } else {
                s.bad(a, message, null);
            }
        }
    }

    private static void eks(Subject s) {
        Subject.Attr a = s.attr("enabled_cluster_log_types");
        List<String> types = a == null ? List.of() : TfArgs.strings(a.value());
        if (types == null) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String t : List.of("api", "audit", "authenticator")) {
            if (!types.contains(t)) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "EKS cluster " + s.name() + " does not send the " + String.join(", ", missing)
                + " control plane logs to CloudWatch: who did what to the cluster (kubectl calls, logins, RBAC"
                + " denials) is not recorded; add them to enabled_cluster_log_types";
        if (a == null) {
            s.missing(message, null);
        } else {
            s.bad(a, message, null);
        }
    }

    private static void cloudTrail(Subject s) {
        String n = s.name();
        List<String> off = new ArrayList<>();
        if (!TfArgs.flag(s, "is_multi_region_trail", true, "Trail " + n + " has is_multi_region_trail = false:"
                + " API calls in other regions (where an attacker would start resources) are not recorded", null)
                && s.attr("is_multi_region_trail") == null) {
            off.add("is_multi_region_trail (API calls in other regions go unrecorded)");
        }
        if (!TfArgs.flag(s, "enable_log_file_validation", true, "Trail " + n + " has enable_log_file_validation ="
                + " false: a deleted or edited log file cannot be detected", null)
                && s.attr("enable_log_file_validation") == null) {
            off.add("enable_log_file_validation (edited or deleted log files go unnoticed)");
        }
        if (!off.isEmpty()) {
            s.missing("Trail " + n + " does not set " + String.join(" nor ", off) + " (both default to false); set"
                    + " them to true", null);
        }
    }
}
