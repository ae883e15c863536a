package io.archlens.rules.code;

import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.code.CodeModel;

/**
 * A rule written against the language-neutral code facts: one implementation, instantiated by each language's
 * pack with its own rule id. Test code is left alone (the rules are about production behaviour).
 */
abstract class CodeRule<M extends CodeModel> implements Rule<M> {
    private final RuleMeta meta;

    CodeRule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    @Override
    public final void check(M model, RuleContext ctx) {
        if (!model.isTest()) {
            run(model, ctx);
        }
    }

    abstract void run(M model, RuleContext ctx);
}
