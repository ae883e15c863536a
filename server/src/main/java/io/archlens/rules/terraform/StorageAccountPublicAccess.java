package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * Azure storage accounts that allow containers to be made anonymously readable (judged on evaluated values).
 */
public final class StorageAccountPublicAccess extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/storage-account-public-access",
            "Storage account allows anonymous public blob access", Severity.WARNING, Category.SECURITY,
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
        if (s.attr("allow_nested_items_to_be_public") == null && s.attr("allow_blob_public_access") == null) {
            s.missing("Storage account " + sa.label(1) + " does not set allow_nested_items_to_be_public (the azurerm"
                    + " provider's default is true): one container setting exposes its blobs to anyone; set it to"
                    + " false and share with SAS tokens or a CDN",
                    s.addAttribute(sa, "allow_nested_items_to_be_public = false", false));
            return;
        }
        for (String name : new String[] {"allow_nested_items_to_be_public", "allow_blob_public_access"}) {
            Subject.Attr a = s.attr(name);
            if (a != null && a.isTrue()) {
                s.bad(a, "Storage account " + sa.label(1) + " lets containers be made public (" + name + " = true):"
                        + " one container setting exposes its blobs to anyone; set it to false and share with SAS"
                        + " tokens or a CDN", Tf.setValue(a.attr(), "false", false));
            }
        }
    }
}
