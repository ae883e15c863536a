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
import io.archlens.syntax.dockerfile.Stage;
import java.util.List;

/** A stage ARG with a secret-looking name (and no literal default) that a later instruction uses. */
final class SecretBuildArg implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("secret-build-arg", "Secret passed as a build argument",
            Severity.WARNING, Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            List<Instruction> ins = s.instructions();
            for (int k = 0; k < ins.size(); k++) {
                if (!ins.get(k).is("ARG")) {
                    continue;
                }
                for (KeyValue kv : ins.get(k).keyValues()) {
                    if (!SecretKeys.isSecretKey(kv.key()) || SecretValues.isLiteral(kv.value())
                            || !usedAfter(ins, k, kv.key())) {
                        continue;
                    }
                    ctx.report(kv.keyRange(), "Build argument " + kv.key() + " carries a secret: every RUN after it "
                            + "records its value in the image history and build cache; pass it with "
                            + "RUN --mount=type=secret,id=" + kv.key().toLowerCase(java.util.Locale.ROOT)
                            + " (docker build --secret) instead");
                }
            }
        }
    }

    /**
     * True when a RUN follows the ARG in its stage (Docker records the values of the declared build arguments with
     * every later RUN, used or not) or an ENV copies it.
     */
    private static boolean usedAfter(List<Instruction> ins, int from, String name) {
        for (int k = from + 1; k < ins.size(); k++) {
            Instruction i = ins.get(k);
            if (i.is("RUN")) {
                return true;
            }
            if (i.is("ENV") && (i.logical().contains("$" + name) || i.logical().contains("${" + name))) {
                return true;
            }
        }
        return false;
    }
}
