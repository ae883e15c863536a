package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * Certificate checks turned off in code: {@code tls.Config{InsecureSkipVerify: true}} or
 * {@code cfg.InsecureSkipVerify = true}, with {@code true} written in the file (a literal, {@code !false}, a constant
 * set to one; a flag from configuration is not judged).
 */
final class TlsSkipVerify extends GoRule {
    private static final String MESSAGE = "InsecureSkipVerify: true accepts any certificate: anyone on the network "
            + "path can read and change this traffic; remove it, and add a private CA through RootCAs if the server's "
            + "certificate is self-signed";

    TlsSkipVerify() {
        super(go("tls-skip-verify", "TLS certificate verification disabled", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode e : t.all("keyed_element")) {
            SyntaxNode k = e.field("key");
            SyntaxNode v = Go.unwrap(e.field("value"));
            if (k != null && v != null && k.text().trim().equals("InsecureSkipVerify") && Go.isTrue(v)) {
                ctx.report(e.range(), MESSAGE);
            }
        }
        for (SyntaxNode a : t.all("assignment_statement")) {
            SyntaxNode left = a.field("left");
            SyntaxNode right = a.field("right");
            if (left != null && right != null && left.namedChildren().size() == 1
                    && left.text().trim().endsWith(".InsecureSkipVerify") && right.namedChildren().size() == 1
                    && Go.isTrue(right.namedChildren().get(0))) {
                ctx.report(a.range(), MESSAGE);
            }
        }
    }
}
