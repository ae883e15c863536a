package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.js.JsFacts;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;

/**
 * Shared plumbing of the JavaScript/TypeScript rules: the meta (kind recorded as JAVASCRIPT, the rules run on both
 * languages), and test code left alone unless a rule says otherwise.
 */
abstract class JsRule implements Rule<CodeTree> {
    private final RuleMeta meta;

    JsRule(RuleMeta meta) {
        this.meta = meta;
    }

    static RuleMeta js(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.JAVASCRIPT.rulePrefix() + "/" + what, title, severity, category,
                FileKind.JAVASCRIPT);
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
        run(t, JsFacts.module(t), ctx);
    }

    /** Whether the rule also judges test code (secrets do; production behaviour does not). */
    boolean inTests() {
        return false;
    }

    abstract void run(CodeTree t, JsModule m, RuleContext ctx);
}
