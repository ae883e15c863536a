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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resources missing the tags the project requires ({@code context.required-tags} in .archlens.yml). AWS
 * provider {@code default_tags} anywhere in the module count; a tags value that is not a literal map (a variable,
 * {@code merge()} with a non-literal part) is trusted.
 */
public final class MissingRequiredTags implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/missing-required-tags",
            "Resource lacks the project's required tags", Severity.WARNING, Category.MAINTAINABILITY,
            FileKind.TERRAFORM);

    /** Commonly created AWS resources that take tags, checked even when they have no tags argument. */
    private static final Set<String> TAGGABLE = Set.of("aws_instance", "aws_s3_bucket", "aws_db_instance",
            "aws_rds_cluster", "aws_vpc", "aws_subnet", "aws_security_group", "aws_lb", "aws_alb",
            "aws_lb_target_group", "aws_ecs_cluster", "aws_ecs_service", "aws_ecs_task_definition",
            "aws_eks_cluster", "aws_eks_node_group", "aws_kms_key", "aws_cloudwatch_log_group",
            "aws_lambda_function", "aws_dynamodb_table", "aws_sqs_queue", "aws_sns_topic", "aws_nat_gateway",
            "aws_internet_gateway", "aws_route_table", "aws_ecr_repository", "aws_efs_file_system",
            "aws_ebs_volume", "aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_iam_role",
            "aws_secretsmanager_secret", "aws_eip", "aws_db_subnet_group", "aws_launch_template",
            "google_compute_instance", "google_storage_bucket", "google_sql_database_instance",
            "google_container_cluster", "azurerm_resource_group", "azurerm_storage_account",
            "azurerm_virtual_network", "azurerm_kubernetes_cluster", "azurerm_linux_virtual_machine");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        List<String> required = ctx.project().requiredTags();
        if (required.isEmpty()) {
            return;
        }
        Set<String> awsDefaults = new HashSet<>();
        boolean awsDefaultsUnknown = false;
        for (HclBlock p : f.moduleBlocks("provider")) {
            if (!"aws".equals(p.label(0))) {
                continue;
            }
            HclBlock dt = p.block("default_tags");
            if (dt == null) {
                continue;
            }
            Set<String> keys = keys(dt.value("tags"));
            if (keys == null) {
                awsDefaultsUnknown = true;
            } else {
                awsDefaults.addAll(keys);
            }
        }
        for (HclBlock r : Tf.resources(f)) {
            String type = r.label(0);
            String attr = type.startsWith("google_") ? "labels" : "tags";
            HclExpr tags = r.value(attr);
            if (tags == null && !TAGGABLE.contains(type)) {
                continue;
            }
            boolean aws = type.startsWith("aws_");
            if (aws && awsDefaultsUnknown) {
                continue;
            }
            Set<String> have = tags == null ? new HashSet<>() : keys(tags);
            if (have == null) {
                continue;
            }
            if (aws) {
                have.addAll(awsDefaults);
            }
            List<String> missing = new ArrayList<>();
            for (String t : required) {
                if (!have.contains(t) && !(attr.equals("labels") && have.contains(t.toLowerCase()))) {
                    missing.add(t);
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            HclExpr at = tags;
            ctx.report(at != null ? r.attr(attr).nameRange() : r.nameRange(), r.address() + " lacks the required "
                    + (missing.size() == 1 ? "tag " : "tags ") + String.join(", ", missing)
                    + ": cost reports and ownership lookups cannot attribute it; add "
                    + (missing.size() == 1 ? "it" : "them") + " to " + attr
                    + (aws ? " (or to the provider's default_tags)" : ""));
        }
    }

    /** The literal keys of a tags value; null when the value is not fully literal. */
    private static Set<String> keys(HclExpr e) {
        if (e instanceof HclExpr.Obj o) {
            Set<String> out = new HashSet<>();
            for (HclExpr.ObjItem it : o.items()) {
                if (it.keyName() == null) {
                    return null;
                }
                out.add(it.keyName());
            }
            return out;
        }
        if (e instanceof HclExpr.Call c && c.name().equals("merge")) {
            Set<String> out = new HashSet<>();
            for (HclExpr a : c.args()) {
                Set<String> k = keys(a);
                if (k == null) {
                    return null;
                }
                out.addAll(k);
            }
            return out;
        }
        return null;
    }
}
