package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.rules.code.CodeRule;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Map;

/** The Python rules' base: their meta factory and helpers; meta and test-code gating come from {@link CodeRule}. */
abstract class PythonRule extends CodeRule<CodeTree> {
    PythonRule(RuleMeta meta) {
        super(meta);
    }

    static RuleMeta python(String what, String title, Severity severity, Category category) {
        return RuleMeta.of(FileKind.PYTHON.rulePrefix() + "/" + what, title, severity, category, FileKind.PYTHON);
    }

    @Override
    protected final void judge(CodeTree m, RuleContext ctx) {
        run(m, ctx);
    }

    abstract void run(CodeTree f, RuleContext ctx);

    /** Every call with its callee resolved through the file's imports. */
    static void calls(CodeTree f, java.util.function.BiConsumer<SyntaxNode, String> visit) {
        for (Map.Entry<SyntaxNode, String> e : resolvedCalls(f)) {
            visit.accept(e.getKey(), e.getValue());
        }
    }

    /** The file's calls with a resolvable callee, resolved once per tree for all the rules. */
    private static java.util.List<Map.Entry<SyntaxNode, String>> resolvedCalls(CodeTree f) {
        return f.memo("python.calls", () -> {
            Map<String, String> imports = Py.imports(f);
            java.util.List<Map.Entry<SyntaxNode, String>> out = new java.util.ArrayList<>();
            for (SyntaxNode c : f.all("call")) {
                String q = Py.qualified(c, imports);
                if (!q.isEmpty()) {
                    out.add(Map.entry(c, q));
                }
            }
            return out;
        });
    }

    private static final java.util.Set<String> NOT_PRODUCTION = java.util.Set.of("dev", "develop", "development",
            "local", "test", "tests", "testing", "example", "sample", "debug", "ci", "e2e");

    /** A Django settings module: settings.py, settings/*.py or *_settings.py, not a dev, local or test variant. */
    static boolean settingsModule(CodeTree f) {
        String p = f.file().path().replace('\\', '/').toLowerCase(java.util.Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        boolean settings = name.equals("settings.py") || name.endsWith("_settings.py") || p.contains("/settings/")
                || p.startsWith("settings/") || djangoSettingsContent(f);
        if (!settings) {
            return false;
        }
        for (String word : name.substring(0, name.length() - 3).split("[_.-]")) {
            if (NOT_PRODUCTION.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Module-level INSTALLED_APPS or ROOT_URLCONF: Django settings wherever the file lives (config/django/base.py). */
    private static boolean djangoSettingsContent(CodeTree f) {
        for (SyntaxNode a : f.all("assignment")) {
            if (moduleAssignment(a, "INSTALLED_APPS") != null || moduleAssignment(a, "ROOT_URLCONF") != null) {
                return true;
            }
        }
        return false;
    }

    /** A module-level assignment's value, by target name, or null. */
    static SyntaxNode moduleAssignment(SyntaxNode assignment, String name) {
        SyntaxNode left = assignment.field("left");
        if (left == null || !left.is("identifier") || !left.text().equals(name)) {
            return null;
        }
        SyntaxNode st = assignment.parent();
        return st != null && st.is("expression_statement") && st.parent() != null && st.parent().is("module")
                ? assignment.field("right") : null;
    }
}
