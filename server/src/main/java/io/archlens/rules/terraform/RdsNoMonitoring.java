package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A production database without Enhanced Monitoring or Performance Insights (production: {@link ProdStage}; elsewhere
 * the absence is a cost choice).
 */
public final class RdsNoMonitoring extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-no-monitoring",
            "Production database has no Enhanced Monitoring or Performance Insights", Severity.INFO,
            Category.OBSERVABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_db_instance", "aws_rds_cluster_instance");
    }

    @Override
    void judge(Subject s) {
        if (s.type().equals("aws_db_instance") && Rds.clusterMember(s)) {
            return;
        }
        ProdStage stage = ProdStage.of(s);
        if (!stage.judged()) {
            return;
        }
        List<String> off = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        Subject.Attr interval = s.attr("monitoring_interval");
        Double seconds = interval == null ? Double.valueOf(0) : interval.num();
        if (seconds != null && seconds < 1) {
            off.add("Enhanced Monitoring (monitoring_interval, with a monitoring_role_arn)");
            lost.add("no OS-level metrics (memory, swap, per-process CPU)");
        }
        Subject.Attr pi = s.attr("performance_insights_enabled");
        if (pi == null || pi.isFalse()) {
            off.add("Performance Insights (performance_insights_enabled)");
            lost.add("no record of which queries waited on what");
        }
        if (off.isEmpty()) {
            return;
        }
        String message = "Production database " + s.name() + " has no " + String.join(" and no ", off)
                + ": when it slows down there are " + String.join(" and ", lost) + "; turn "
                + (off.size() > 1 ? "them on (the 7-day Performance Insights tier is free)"
                        : lost.get(0).startsWith("no OS") ? "it on" : "it on (the 7-day tier is free)")
                + stage.suffix();
        Subject.Attr at = interval != null && seconds != null && seconds < 1 ? interval : pi != null && pi.isFalse()
                ? pi : null;
        if (at != null) {
            s.bad(at, message, null);
        } else {
            s.missing(message, null);
        }
    }
}
