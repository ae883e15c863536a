package io.archlens.rules.java;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.rules.code.CodeRule;
import io.archlens.syntax.java.JavaFile;

/** The Java rules' base: their meta factory; meta and test-code gating come from {@link CodeRule}. */
abstract class JavaRule extends CodeRule<JavaFile> {
    JavaRule(RuleMeta meta) {
        super(meta);
    }

    static RuleMeta java(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.JAVA.rulePrefix() + "/" + what, title, severity, category, FileKind.JAVA);
    }

    @Override
    protected final void judge(JavaFile m, RuleContext ctx) {
        run(m, ctx);
    }

    abstract void run(JavaFile f, RuleContext ctx);
}
