package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * paramiko told to accept unknown host keys: {@code set_missing_host_key_policy(AutoAddPolicy())} (or
 * {@code WarningPolicy}): the first connection to a host (and every one after its key is lost) trusts whoever answers.
 */
final class SshHostKeyUnchecked extends PythonRule {
    SshHostKeyUnchecked() {
        super(python("ssh-host-key-unchecked", "SSH host key accepted without checking", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            if (!Py.method(call).equals("set_missing_host_key_policy")) {
                return;
            }
            SyntaxNode p = Py.arg(call, 0, "policy");
            String t = p == null ? "" : p.text();
            if (t.contains("AutoAddPolicy") || t.contains("WarningPolicy")) {
                ctx.report(p.range(), t + " accepts a server's host key without checking it: whoever answers on the "
                        + "network (a spoofed DNS name, a hijacked IP) gets the credentials and the commands; load the "
                        + "known hosts (load_system_host_keys / load_host_keys) and keep RejectPolicy");
            }
        });
    }
}
