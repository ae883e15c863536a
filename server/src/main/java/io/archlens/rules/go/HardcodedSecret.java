package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A credential written in Go source, judged by the one secret detector ({@code secrets/}): a string literal with a
 * vendor token's shape anywhere (tests included, sample JWTs there excepted), or a literal given to a secret-named
 * variable, constant or struct field ({@code password := "..."}, {@code APIKey: "..."}) in production code.
 */
final class HardcodedSecret extends GoRule {
    HardcodedSecret() {
        super(go("hardcoded-secret", "Secret written in the source code", Severity.WARNING, Category.SECURITY));
    }

    @Override
    boolean inTests() {
        return true;
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (String type : List.of("interpreted_string_literal", "raw_string_literal")) {
            for (SyntaxNode s : t.all(type)) {
                SecretType st = SecretScanner.shape(null, Go.stringValue(s));
                if (st != null && !(t.isTest() && st == SecretType.JWT) && seen.add(s.range())) {
                    ctx.report(s.range(), "This string looks like " + st.description() + ": anyone with the "
                            + "repository can use it; revoke it and read it from the environment or a secret store");
                }
            }
        }
        if (t.isTest()) {
            return;
        }
        for (String type : List.of("interpreted_string_literal", "raw_string_literal")) {
            for (SyntaxNode s : t.all(type)) {
                String name = Go.storedIn(s);
                if (name != null && !seen.contains(s.range())) {
                    named(ctx, name.substring(name.lastIndexOf('.') + 1), s, seen);
                }
            }
        }
    }

    private static void named(RuleContext ctx, String name, SyntaxNode value, Set<TextRange> seen) {
        String v = Go.stringValue(value);
        if (!SecretKeys.isSecretKey(name) || v == null || v.length() < 4 || !SecretValues.isLiteral(v)
                || v.contains(" ") || v.contains("%") || v.matches("[A-Z][A-Z0-9_]+")) { // an env variable's name
            return;
        }
        if (seen.add(value.range())) {
            ctx.report(value.range(), name + " is written as a literal in the source: anyone with the repository has "
                    + "it; read it from the environment (os.Getenv) or a secret store");
        }
    }
}
