package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.rules.code.CodeRule;
import io.archlens.syntax.js.JsFacts;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;

/**
 * Shared plumbing of the JavaScript/TypeScript rules: the meta (kind recorded as JAVASCRIPT, the rules run on both
 * languages) and each file's module view; meta and test-code gating come from {@link CodeRule}.
 */
abstract class JsRule extends CodeRule<CodeTree> {
    JsRule(RuleMeta meta) {
        super(meta);
    }

    static RuleMeta js(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.JAVASCRIPT.rulePrefix() + "/" + what, title, severity, category,
                FileKind.JAVASCRIPT);
    }

    @Override
    protected final void judge(CodeTree m, RuleContext ctx) {
        run(m, JsFacts.module(m), ctx);
    }

    abstract void run(CodeTree t, JsModule m, RuleContext ctx);
}
