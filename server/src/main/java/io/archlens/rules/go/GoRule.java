package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.rules.code.CodeRule;
import io.archlens.syntax.treesitter.CodeTree;

/** The Go rules' base: their meta factory; meta and test-code gating come from {@link CodeRule}. */
abstract class GoRule extends CodeRule<CodeTree> {
    GoRule(RuleMeta meta) {
        super(meta);
    }

    static RuleMeta go(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.GO.rulePrefix() + "/" + what, title, severity, category, FileKind.GO);
    }

    @Override
    protected final void judge(CodeTree m, RuleContext ctx) {
        run(m, ctx);
    }

    abstract void run(CodeTree t, RuleContext ctx);
}
