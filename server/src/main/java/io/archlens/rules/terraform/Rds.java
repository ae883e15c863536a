package io.archlens.rules.terraform;

import io.archlens.syntax.hcl.HclBlock;
import java.util.Locale;

/** The RDS/Aurora resources the database rules look at. */
final class Rds {
    private Rds() {
    }

    /** Read replicas and restores inherit storage settings from their source. */
    static boolean inherits(HclBlock b) {
        return b.value("replicate_source_db") != null || b.value("snapshot_identifier") != null
                || b.value("replication_source_identifier") != null || b.block("restore_to_point_in_time") != null;
    }

    /** An {@code aws_db_instance} that is a member of an Aurora cluster (settings live on the cluster). */
    static boolean auroraMember(Subject s) {
        HclBlock b = s.block();
        Subject.Attr e = s.attr("engine");
        String engine = e == null ? null : e.str();
        return b.value("cluster_identifier") != null
                || engine != null && engine.toLowerCase(Locale.ROOT).startsWith("aurora");
    }

    /** An {@code aws_db_instance} in an Aurora cluster: storage, backups and protection are the cluster's. */
    static boolean clusterMember(Subject s) {
        return s.type().equals("aws_db_instance") && auroraMember(s);
    }

    static String kind(HclBlock b) {
        return b.label(0).equals("aws_rds_cluster") ? "Aurora cluster" : "database";
    }
}
