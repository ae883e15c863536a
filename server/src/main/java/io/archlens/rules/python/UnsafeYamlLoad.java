package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;

/**
 * PyYAML loading with a loader that builds arbitrary Python objects: {@code yaml.unsafe_load}, or
 * {@code yaml.load}/{@code load_all} with {@code Loader=yaml.Loader}/{@code UnsafeLoader} or no loader at all (the
 * unsafe default before PyYAML 5.1).
 */
final class UnsafeYamlLoad extends PythonRule {
    private static final Set<String> SAFE = Set.of("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader",
            "FullLoader", "CFullLoader");

    UnsafeYamlLoad() {
        super(python("unsafe-yaml-load", "YAML loaded with an unsafe loader", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        io.archlens.syntax.python.PyStrings strings = new io.archlens.syntax.python.PyStrings(f);
        calls(f, (call, q) -> {
            if (q.startsWith("yaml.") && Py.callee(call).startsWith("yaml.") && strings.valueOf(call, "yaml") != null) {
                return; // a local yaml = YAML(...) (ruamel) shadows the module
            }
            SyntaxNode fn = call.field("function");
            if (q.equals("yaml.unsafe_load") || q.equals("yaml.unsafe_load_all")) {
                ctx.report(fn.range(), q + " builds any Python object the document names: a crafted file runs code; "
                        + "use yaml.safe_load unless the file is as trusted as your code");
                return;
            }
            if (!q.equals("yaml.load") && !q.equals("yaml.load_all")) {
                return;
            }
            SyntaxNode loader = Py.arg(call, 1, "Loader");
            String name = loader == null ? null : loader.text().substring(loader.text().lastIndexOf('.') + 1);
            if (loader == null) {
                ctx.report(fn.range(), q + " without Loader= uses the unsafe loader on PyYAML before 5.1 (and fails "
                        + "on 6.0): a crafted document runs code; use yaml.safe_load(...)");
            } else if (name.equals("Loader") || name.equals("UnsafeLoader") || name.equals("CLoader")
                    || name.equals("CUnsafeLoader")) {
                ctx.report(loader.range(), q + " with " + name + " builds any Python object the document names: a "
                        + "crafted file runs code; use yaml.safe_load (Loader=yaml.SafeLoader)");
            } else if (!SAFE.contains(name)) {
                return; // a custom loader: its base is not in view
            }
        });
    }
}
