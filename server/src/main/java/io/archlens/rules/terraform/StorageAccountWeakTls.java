package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** Azure storage accounts accepting TLS 1.0/1.1 or plain HTTP (judged on evaluated values). */
public final class StorageAccountWeakTls extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/storage-account-weak-tls",
            "Storage account accepts old TLS versions or plain HTTP", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("azurerm_storage_account");
    }

    @Override
    void judge(Subject s) {
        HclBlock sa = s.block();
        Subject.Attr tls = s.attr("min_tls_version");
        String v = tls == null ? null : tls.str();
        if (v != null && (v.equals("TLS1_0") || v.equals("TLS1_1"))) {
            s.bad(tls, "Storage account " + sa.label(1) + " accepts " + v + ", which has known weaknesses and is out"
                    + " of support; require \"TLS1_2\"", Tf.setValue(tls.attr(), "\"TLS1_2\"", false));
        }
        for (String name : new String[] {"https_traffic_only_enabled", "enable_https_traffic_only"}) {
            Subject.Attr a = s.attr(name);
            if (a != null && a.isFalse()) {
                s.bad(a, "Storage account " + sa.label(1) + " accepts plain HTTP (" + name + " = false): keys and"
                        + " data can cross the network unencrypted; set it to true", Tf.setValue(a.attr(), "true",
                        false));
            }
        }
    }
}
