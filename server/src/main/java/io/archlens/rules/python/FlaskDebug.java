package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * Flask's debugger switched on in code: {@code app.run(debug=True)} or {@code app.debug = True} (the Werkzeug
 * debugger runs any Python a visitor types into an error page).
 */
final class FlaskDebug extends PythonRule {
    FlaskDebug() {
        super(python("flask-debug", "Flask debug mode switched on in code", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        java.util.Map<String, String> imports = Py.imports(f);
        if (!Py.importsModule(imports, "flask")) {
            return;
        }
        calls(f, (call, q) -> {
            SyntaxNode d = Py.kwarg(call, "debug");
            if (Py.method(call).equals("run") && Py.isTrue(d)) {
                ctx.report(d.parent().range(), "debug=True starts the Werkzeug debugger: any error page lets a "
                        + "visitor run Python on the server; read it from the environment (FLASK_DEBUG) and keep it "
                        + "off outside your machine");
            }
        });
        for (SyntaxNode a : f.all("assignment")) {
            SyntaxNode left = a.field("left");
            if (left != null && left.is("subscript") && "DEBUG".equals(Py.str(left.field("subscript")))
                    && left.field("value").text().endsWith("config") && Py.isTrue(a.field("right"))) {
                ctx.report(a.range(), left.text() + " = True turns on the Werkzeug debugger: any error page lets a "
                        + "visitor run Python on the server; set it from the environment and keep it off in production");
                continue;
            }
            if (left != null && left.is("attribute") && left.field("attribute").text().equals("debug")
                    && Py.isTrue(a.field("right")) && left.field("object").text().matches("app|application")) {
                ctx.report(a.range(), left.text() + " = True turns on the Werkzeug debugger: any error page lets a "
                        + "visitor run Python on the server; set it from the environment and keep it off in production");
            }
        }
    }
}
