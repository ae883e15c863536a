package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Word;

/** {@code EXPOSE 22}: an SSH daemon in an application container. */
final class ExposeSsh implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("expose-ssh", "SSH port exposed from a container", Severity.WARNING,
            Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction ins : d.instructions()) {
            if (!ins.is("EXPOSE")) {
                continue;
            }
            for (Word w : ins.words()) {
                String port = w.text();
                int slash = port.indexOf('/');
                if (slash >= 0) {
                    port = port.substring(0, slash);
                }
                if (port.equals("22")) {
                    ctx.report(w.range(), "Port 22 means an SSH server in the container: another daemon, more "
                            + "credentials to manage and a way around your deployment process; use docker exec / "
                            + "kubectl exec for access and drop sshd");
                }
            }
        }
    }
}
