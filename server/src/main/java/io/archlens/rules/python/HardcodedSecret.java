package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A credential written in the source, judged by the one secret detector ({@code secrets/}): a string literal with a
 * vendor token's shape anywhere (tests included), or, in production code, a literal given to a secret-named
 * variable, attribute, keyword argument, dictionary key or environment default ({@code password = "..."},
 * {@code connect(password="...")}, {@code {"api_key": "..."}}, {@code os.getenv("DB_PASSWORD", "...")}).
 * Django's SECRET_KEY in a settings module is python/django-secret-key-literal's.
 */
final class HardcodedSecret extends PythonRule {
    HardcodedSecret() {
        super(python("hardcoded-secret", "Secret written in the source code", Severity.WARNING, Category.SECURITY));
    }

    @Override
    protected boolean inTests() {
        return true;
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (SyntaxNode s : f.all("string")) {
            SecretType t = SecretScanner.shape(null, Py.str(s));
            if (t != null && !(f.isTest() && t == SecretType.JWT) && seen.add(s.range())) {
                ctx.report(s.range(), "This string looks like " + t.description() + ": anyone with the repository "
                        + "can use it; revoke it and read it from the environment or a secret store");
            }
        }
        if (f.isTest()) {
            return;
        }
        boolean settings = settingsModule(f);
        for (SyntaxNode a : f.all("assignment")) {
            SyntaxNode left = a.field("left");
            String name = left == null ? null : left.is("identifier") ? left.text()
                    : left.is("attribute") ? left.field("attribute").text()
                    : left.is("subscript") ? Py.str(left.field("subscript")) : null;
            if (name != null && !(settings && name.equals("SECRET_KEY"))) {
                named(ctx, name, a.field("right"), seen);
            }
        }
        for (SyntaxNode k : f.all("keyword_argument")) {
            if (k.field("name") != null) {
                named(ctx, k.field("name").text(), k.field("value"), seen);
            }
        }
        for (String type : List.of("default_parameter", "typed_default_parameter")) {
            for (SyntaxNode d : f.all(type)) {
                if (d.field("name") != null) {
                    named(ctx, d.field("name").text(), d.field("value"), seen);
                }
            }
        }
        for (SyntaxNode p : f.all("pair")) {
            String key = Py.str(p.field("key"));
            if (key != null) {
                named(ctx, key, p.field("value"), seen);
            }
        }
        Map<String, String> imports = Py.imports(f);
        calls(f, (call, q) -> {
            if (q.equals("jwt.encode") || q.equals("jwt.decode") || q.equals("jose.jwt.encode")
                    || q.equals("jose.jwt.decode")) {
                named(ctx, "signing key", Py.arg(call, 1, "key"), seen);
            }
            if (q.equals("os.environ.get") || q.equals("os.getenv")) {
                String key = Py.str(Py.arg(call, 0, "key"));
                if (key != null && !(settings && key.endsWith("SECRET_KEY"))) {
                    named(ctx, key, Py.arg(call, 1, "default"), seen);
                }
            }
        });
    }

    private static void named(RuleContext ctx, String name, SyntaxNode value, Set<TextRange> seen) {
        String v = Py.str(value);
        if (v == null || !name.equals("signing key") && !SecretKeys.isSecretKey(name)) {
            return;
        }
        if (v.length() < 4 || !SecretValues.isLiteral(v) || v.contains(" ") || v.contains("{")
                || !name.equals("signing key") && SecretKeys.isLabel(name, v) // CACHE_KEY = "sessions": a label
                || v.contains("://") && !v.contains("@")
                || v.matches("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*){2,}")) { // a dotted import path (a setting naming a function)
            return;
        }
        if (seen.add(value.range())) {
            ctx.report(value.range(), name + " is written as a literal in the source: anyone with the repository has "
                    + "it; read it from the environment or a secret store (os.environ[\"...\"])");
        }
    }
}
