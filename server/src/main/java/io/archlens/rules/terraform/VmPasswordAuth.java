package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** An Azure Linux VM that allows SSH password logins. */
public final class VmPasswordAuth extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/vm-password-auth",
            "Linux VM allows SSH password logins", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM);

    private static final String WHY = ": passwords can be guessed and sprayed, keys cannot; use admin_ssh_key and"
            + " set disable_password_authentication = true";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set",
                "azurerm_virtual_machine");
    }

    @Override
    void judge(Subject s) {
        TfArgs.flag(s, "disable_password_authentication", true, "VM " + s.name() + " allows SSH password logins"
                + " (disable_password_authentication = false)" + WHY, null);
        for (HclBlock linux : s.blocks(s.block(), "os_profile_linux_config")) {
            Subject.Attr a = s.attr(linux, "disable_password_authentication");
            if (a != null && a.isFalse()) {
                s.bad(a, "VM " + s.name() + " allows SSH password logins" + WHY, null);
            }
        }
    }
}
