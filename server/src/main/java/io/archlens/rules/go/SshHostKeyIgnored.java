package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * {@code ssh.InsecureIgnoreHostKey()} as an SSH client's host key callback: the client talks to whichever server
 * answers, so anyone on the network path can pose as it and read the commands, files and credentials sent.
 */
final class SshHostKeyIgnored extends GoRule {
    SshHostKeyIgnored() {
        super(go("ssh-host-key-ignored", "SSH host key not checked", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            if (Go.method(call).equals("InsecureIgnoreHostKey") && Go.args(call).isEmpty()) {
                ctx.report(call.range(), "ssh.InsecureIgnoreHostKey() accepts any server key: anyone on the network "
                        + "path can pose as the server and read what the client sends (passwords, keys, commands); "
                        + "check the key with ssh.FixedHostKey or knownhosts.New(\"~/.ssh/known_hosts\")");
            }
        }
    }
}
