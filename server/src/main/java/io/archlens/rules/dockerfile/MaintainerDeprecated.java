package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Tag;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;

/** The deprecated MAINTAINER instruction; the OCI authors label replaces it. */
final class MaintainerDeprecated implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("maintainer-deprecated", "MAINTAINER is deprecated", Severity.INFO,
            Category.MAINTAINABILITY).withFix().tagged(Tag.DEPRECATED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction ins : d.instructions()) {
            if (!ins.is("MAINTAINER")) {
                continue;
            }
            String who = ins.args().strip();
            String label = "LABEL org.opencontainers.image.authors=\"" + escape(who, ins.escape()) + "\"";
            ctx.report(ins.keywordRange(), "MAINTAINER is deprecated and tools no longer read it; use "
                    + "LABEL org.opencontainers.image.authors=\"...\"",
                    Fix.safe("Replace with LABEL org.opencontainers.image.authors", Edit.replace(ins.range(), label)));
        }
    }

    /** Escapes a value for a double-quoted Dockerfile word (quotes, the escape character and $). */
    static String escape(String s, char esc) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == esc || c == '$') {
                sb.append(esc);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
