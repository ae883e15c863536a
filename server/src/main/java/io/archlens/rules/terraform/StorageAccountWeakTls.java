package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;

/** Azure storage accounts accepting TLS 1.0/1.1 or plain HTTP. */
public final class StorageAccountWeakTls implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/storage-account-weak-tls",
            "Storage account accepts old TLS versions or plain HTTP", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock sa : f.resources("azurerm_storage_account")) {
            HclAttribute tls = sa.attr("min_tls_version");
            String v = tls == null ? null : Tf.str(tls.value());
            if (v != null && (v.equals("TLS1_0") || v.equals("TLS1_1"))) {
                Tf.report(ctx, tls.value().range(), "Storage account " + sa.label(1) + " accepts " + v
                        + ", which has known weaknesses and is out of support; require \"TLS1_2\"",
                        Tf.setValue(tls, "\"TLS1_2\"", false));
            }
            for (String name : new String[] {"https_traffic_only_enabled", "enable_https_traffic_only"}) {
                HclAttribute a = sa.attr(name);
                if (a != null && Boolean.FALSE.equals(Tf.bool(a.value()))) {
                    Tf.report(ctx, a.value().range(), "Storage account " + sa.label(1) + " accepts plain HTTP ("
                            + name + " = false): keys and data can cross the network unencrypted; set it to true",
                            Tf.setValue(a, "true", false));
                }
            }
        }
    }
}
