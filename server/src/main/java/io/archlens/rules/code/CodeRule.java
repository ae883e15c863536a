package io.archlens.rules.code;

import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.code.CodeModel;

/**
 * The base of every source-code rule, of any language: the meta, and test code left alone (the rules are about
 * production behaviour) unless a rule says it also judges tests ({@link #inTests()}: the secret checks do). The
 * shared rules of this package ({@link MissingTimeout}, {@link StringSink}) are instantiated by each language's pack
 * under its own id; each language's own rules extend it through that language's base (JavaRule, PythonRule...).
 */
public abstract class CodeRule<M extends CodeModel> implements Rule<M> {
    private final RuleMeta meta;

    protected CodeRule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    @Override
    public final void check(M model, RuleContext ctx) {
        if (model.isTest() && !inTests()) {
            return;
        }
        judge(model, ctx);
    }

    /** Whether the rule also judges test code (secrets do; production behaviour does not). */
    protected boolean inTests() {
        return false;
    }

    protected abstract void judge(M model, RuleContext ctx);
}
