package io.archlens.rules.java;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.NameExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.code.Sink;
import io.archlens.code.StringBuild;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An audit of the API surface: a public or protected method whose String parameter is run whole as SQL, as a
 * shell script or as an expression (SpEL, OGNL, EL, a script engine). The method itself builds nothing, so {@code sql-from-string} is quiet; whoever calls it decides
 * what runs. Quiet when the method also takes bind values ({@code Object...}, {@code Object[]}, a map of
 * parameters): then it is a helper meant for parameterised statements.
 */
final class SinkFromParameter extends JavaRule {
    private final Sink.Kind kind;

    private SinkFromParameter(Sink.Kind kind, String id, String title) {
        super(java(id, title, Severity.WARNING, Category.SECURITY));
        this.kind = kind;
    }

    static SinkFromParameter sql() {
        return new SinkFromParameter(Sink.Kind.SQL, "sql-from-parameter", "SQL taken whole from a method parameter");
    }

    static SinkFromParameter expression() {
        return new SinkFromParameter(Sink.Kind.EXPRESSION, "expression-from-parameter",
                "Expression or script taken whole from a method parameter");
    }

    static SinkFromParameter command() {
        return new SinkFromParameter(Sink.Kind.COMMAND, "command-from-parameter",
                "Shell script taken whole from a method parameter");
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        Map<Integer, NameExpr> names = null;
        for (Sink s : f.facts().sinks()) {
            if (s.kind() != kind || s.built().how() != StringBuild.How.PARAMETER || s.built().dynamicParts().isEmpty()
                    || kind == Sink.Kind.COMMAND && !s.shell()) {
                continue;
            }
            if (names == null) {
                names = new HashMap<>();
                for (NameExpr n : f.all(NameExpr.class)) {
                    names.put(f.range(n).start(), n);
                }
            }
            NameExpr use = names.get(s.built().dynamicParts().get(0).start());
            if (use == null) {
                continue;
            }
            Optional<Parameter> p = Decls.find(use, use.getNameAsString()).map(Decls.Decl::parameter);
            Optional<CallableDeclaration<?>> m = p.flatMap(x -> x.getParentNode())
                    .filter(CallableDeclaration.class::isInstance).map(x -> (CallableDeclaration<?>) x);
            if (m.isEmpty() || !(m.get().isPublic() || m.get().isProtected()) || takesBindValues(m.get())
                    || !p.get().getType().asString().equals("String")) {
                continue;
            }
            String what = kind == Sink.Kind.SQL ? "SQL" : kind == Sink.Kind.COMMAND ? "the shell script"
                    : "the expression";
            ctx.report(s.argument(), s.api() + " runs " + what + " taken whole from parameter '" + use.getNameAsString()
                    + "' of " + m.get().getNameAsString() + "(): every caller decides what runs, and one that builds it "
                    + "from input is an injection; keep the " + (kind == Sink.Kind.SQL ? "statement" : kind == Sink.Kind.COMMAND
                            ? "script" : "expression")
                    + " inside this class and take the values as " + (kind == Sink.Kind.SQL ? "bind parameters"
                            : "separate arguments") + " (assumes callers may pass built strings)");
        }
    }

    private static boolean takesBindValues(CallableDeclaration<?> m) {
        for (Parameter p : m.getParameters()) {
            String t = p.getType().asString();
            if (p.isVarArgs() || t.endsWith("[]") && !t.startsWith("String") && !t.startsWith("int")
                    || t.startsWith("Map") || t.startsWith("SqlParameterSource") || t.startsWith("List<Object")) {
                return true;
            }
        }
        return false;
    }
}
