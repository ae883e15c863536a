package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Word;
import java.util.Locale;

/** {@code ADD https://...} without {@code --checksum}: an unverified download baked into the image. */
final class AddRemoteUrl implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("add-remote-url", "ADD downloads a remote file without verifying it",
            Severity.WARNING, Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction ins : Docker.of(d.instructions(), "ADD")) {
            if (ins.flag("checksum") != null) {
                continue;
            }
            for (Word w : AddInsteadOfCopy.sources(ins)) {
                String t = w.text().toLowerCase(Locale.ROOT);
                if (!(t.startsWith("http://") || t.startsWith("https://")) || t.endsWith(".git") || t.contains(".git#")) {
                    continue;
                }
                String scheme = t.startsWith("http://") ? " over plain http" : "";
                ctx.report(w.range(), "ADD fetches this URL" + scheme + " at build time and trusts whatever comes "
                        + "back; add --checksum=sha256:<digest> (or download with curl and verify with sha256sum -c)");
            }
        }
    }
}
