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

/** Azure storage accounts that allow containers to be made anonymously readable. */
public final class StorageAccountPublicAccess implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/storage-account-public-access",
            "Storage account allows anonymous public blob access", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock sa : f.resources("azurerm_storage_account")) {
            if (sa.attr("allow_nested_items_to_be_public") == null && sa.attr("allow_blob_public_access") == null) {
                Tf.report(ctx, sa.nameRange(), "Storage account " + sa.label(1) + " does not set"
                        + " allow_nested_items_to_be_public (the azurerm provider's default is true): one container"
                        + " setting exposes its blobs to anyone; set it to false and share with SAS tokens or a CDN",
                        Tf.addAttribute(ctx.file(), sa, "allow_nested_items_to_be_public = false", false));
                continue;
            }
            for (String name : new String[] {"allow_nested_items_to_be_public", "allow_blob_public_access"}) {
                HclAttribute a = sa.attr(name);
                if (a != null && Boolean.TRUE.equals(Tf.bool(a.value()))) {
                    Tf.report(ctx, a.value().range(), "Storage account " + sa.label(1) + " lets containers be"
                            + " made public (" + name + " = true): one container setting exposes its blobs to"
                            + " anyone; set it to false and share with SAS tokens or a CDN",
                            Tf.setValue(a, "false", false));
                }
            }
        }
    }
}
