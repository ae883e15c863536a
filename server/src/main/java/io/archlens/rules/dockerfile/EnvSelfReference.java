package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.KeyValue;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ENV A=1 B=$A}: variables in an ENV are expanded with the values from before the instruction, so B gets
 * the old A (usually empty), not 1. Names an earlier ARG or ENV already defines are left alone: their old value
 * may be what is meant.
 */
final class EnvSelfReference implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("env-self-reference", "ENV uses a variable it defines itself",
            Severity.WARNING, Category.RELIABILITY);
    private static final Pattern REF = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}|([A-Za-z_][A-Za-z0-9_]*))");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            Set<String> before = new HashSet<>(); // a global ARG is not in scope until the stage declares it again
            for (Instruction i : s.instructions()) {
                if (!i.is("ENV") && !i.is("ARG")) {
                    continue;
                }
                Set<String> here = new HashSet<>();
                for (KeyValue kv : i.keyValues()) {
                    if (i.is("ENV") && kv.value() != null && kv.valueRange() != null
                            && kv.valueRange().start() < ctx.text().length() // an empty value at the end of the file
                            && ctx.text().charAt(kv.valueRange().start()) != '\'') {
                        Matcher m = REF.matcher(kv.value());
                        while (m.find()) {
                            String name = m.group(1) != null ? m.group(1) : m.group(2);
                            if (here.contains(name) && !before.contains(name)) {
                                ctx.report(kv.range(), "$" + name + " is defined in this same ENV, but ENV expands "
                                        + "variables with the values from before the instruction, so " + kv.key()
                                        + " gets the old (probably empty) " + name + "; set " + name
                                        + " in an earlier ENV");
                                break;
                            }
                        }
                    }
                    here.add(kv.key());
                }
                before.addAll(here);
            }
        }
    }
}
