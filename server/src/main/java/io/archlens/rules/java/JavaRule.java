package io.archlens.rules.java;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.java.JavaFile;

/** Shared plumbing of the Java rules: the meta, and test code left alone unless a rule says otherwise. */
abstract class JavaRule implements Rule<JavaFile> {
    private final RuleMeta meta;

    JavaRule(RuleMeta meta) {
        this.meta = meta;
    }

    static RuleMeta java(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.JAVA.rulePrefix() + "/" + what, title, severity, category, FileKind.JAVA);
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    @Override
    public final void check(JavaFile f, RuleContext ctx) {
        if (f.isTest() && !inTests()) {
            return;
        }
        run(f, ctx);
    }

    /** Whether the rule also judges test code (secrets do; production behaviour does not). */
    boolean inTests() {
        return false;
    }

    abstract void run(JavaFile f, RuleContext ctx);
}
