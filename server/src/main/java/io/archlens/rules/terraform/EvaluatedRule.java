package io.archlens.rules.terraform;

import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;
import io.archlens.syntax.hcl.HclSource;
import io.archlens.syntax.hcl.eval.ModuleCall;
import io.archlens.syntax.hcl.eval.ModuleEnv;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule over resources of some types, judged with evaluated values: the analysed file's resources (that may
 * exist: {@code count}/{@code for_each} not certainly empty), then the resources of the local modules it calls
 * (and the modules those call), where only values passed through the calls' arguments count.
 */
abstract class EvaluatedRule implements Rule<HclFile> {
    /** The resource types judged. */
    abstract List<String> types();

    abstract void judge(Subject s);

    @Override
    public final void check(HclFile f, RuleContext ctx) {
        HclSource self = TfEnv.self(f, ctx);
        ModuleEnv env = TfEnv.env(f, ctx);
        List<String> types = types();
        for (HclBlock b : f.blocks("resource")) {
            if (types.contains(b.label(0)) && b.labels().size() >= 2 && env.mayExist(b)) {
                judge(new Subject(b, self, env, ctx, null));
            }
        }
        throughCalls(env, self, ctx, new HashSet<>(), types);
    }

    private void throughCalls(ModuleEnv env, HclSource file, RuleContext ctx, Set<String> reported, List<String> types) {
        for (ModuleCall call : env.calls(file)) {
            ModuleEnv inner = call.env();
            for (HclSource mf : inner.files()) {
                for (HclBlock b : mf.model().blocks("resource")) {
                    if (types.contains(b.label(0)) && b.labels().size() >= 2 && inner.mayExist(b)) {
                        judge(new Subject(b, mf, inner, ctx, reported));
                    }
                }
                throughCalls(inner, mf, ctx, reported, types);
            }
        }
    }
}
