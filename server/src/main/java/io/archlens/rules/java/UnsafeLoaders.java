package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/**
 * Object loaders that run code named by their input. {@code yaml()}: SnakeYAML's {@code new Yaml()} without a
 * {@code SafeConstructor} (or a typed {@code Constructor}) whose {@code load}/{@code loadAll} is called in the
 * method. {@code xmlDecoder()}: {@code new XMLDecoder(stream)} over anything but a literal.
 */
final class UnsafeLoaders extends JavaRule {
    private final boolean yaml;

    private UnsafeLoaders(boolean yaml, String id, String title) {
        super(java(id, title, Severity.WARNING, Category.SECURITY));
        this.yaml = yaml;
    }

    static UnsafeLoaders yaml() {
        return new UnsafeLoaders(true, "yaml-unsafe-load", "SnakeYAML loading arbitrary types");
    }

    static UnsafeLoaders xmlDecoder() {
        return new UnsafeLoaders(false, "xml-decoder", "XMLDecoder reading a stream");
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            String t = oc.getType().getNameAsString();
            if (!yaml && t.equals("XMLDecoder") && !oc.getArguments().isEmpty() && !text(oc.getArgument(0))) {
                ctx.report(f.range(oc.getType()), "XMLDecoder turns the document into arbitrary constructor and "
                        + "method calls (<object class=\"java.lang.ProcessBuilder\">...), so a crafted file runs "
                        + "commands; read the data with JAXB or Jackson into your own types (assumes the stream can "
                        + "carry outside data)");
            }
            if (yaml && t.equals("Yaml") && oc.getArguments().isEmpty() && loads(oc)) {
                ctx.report(f.range(oc.getType()), "new Yaml() without a SafeConstructor builds any class a document "
                        + "names (!!javax.script.ScriptEngineManager [...]) in SnakeYAML before 2.0, which runs code; "
                        + "use new Yaml(new SafeConstructor(new LoaderOptions())) or loadAs into your own type with a "
                        + "typed Constructor, or upgrade to SnakeYAML 2 (assumes the YAML can come from outside)");
            }
        }
    }

    /** A string (XML text in a literal or a String variable), not a stream. */
    private static boolean text(Expression e) {
        return e.isStringLiteralExpr() || e.isNameExpr()
                && "String".equals(Decls.typeOf(e, e.asNameExpr().getNameAsString()));
    }

    private static boolean loads(ObjectCreationExpr oc) {
        String var = Jx.storedIn(oc);
        if (oc.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == oc) {
            return m.getNameAsString().startsWith("load");
        }
        if (var == null) {
            return false;
        }
        return Jx.callable(oc).map(c -> c.findAll(MethodCallExpr.class).stream().anyMatch(m ->
                m.getNameAsString().startsWith("load") && m.getScope().map(s -> s.toString().equals(var))
                        .orElse(false))).orElse(false);
    }
}
