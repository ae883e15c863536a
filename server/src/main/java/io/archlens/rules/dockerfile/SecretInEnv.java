package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.KeyValue;

/** ENV or ARG with a secret-looking name and a literal value. The message never repeats the value. */
final class SecretInEnv implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("secret-in-env", "Literal secret in ENV or ARG", Severity.ERROR,
            Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction ins : d.instructions()) {
            boolean env = ins.is("ENV");
            if (!env && !ins.is("ARG")) {
                continue;
            }
            for (KeyValue kv : ins.keyValues()) {
                if (!SecretKeys.isSecretKey(kv.key()) || !SecretValues.isLiteral(kv.value())) {
                    continue;
                }
                String where = env ? "ENV " + kv.key() + " bakes a literal secret into the image config, readable by "
                        + "anyone who can pull the image (docker inspect)"
                        : "ARG " + kv.key() + " has a literal secret as its default, stored in this file and in the "
                        + "image history";
                ctx.report(kv.range(), where + "; remove the value and provide it at run time (orchestrator "
                        + "secret or environment) or at build time with RUN --mount=type=secret");
            }
        }
    }
}
