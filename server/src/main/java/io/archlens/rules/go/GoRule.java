package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.treesitter.CodeTree;

/** Shared plumbing of the Go rules: the meta, and test code left alone unless a rule says otherwise. */
abstract class GoRule implements Rule<CodeTree> {
    private final RuleMeta meta;

    GoRule(RuleMeta meta) {
        this.meta = meta;
    }

    static RuleMeta go(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.GO.rulePrefix() + "/" + what, title, severity, category, FileKind.GO);
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    @Override
    public final void check(CodeTree t, RuleContext ctx) {
        if (t.isTest() && !inTests()) {
            return;
        }
        run(t, ctx);
    }

    /** Whether the rule also judges test code (secrets do; production behaviour does not). */
    boolean inTests() {
        return false;
    }

    abstract void run(CodeTree t, RuleContext ctx);
}
