package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Map;

/**
 * A TLS version below 1.2 written as the minimum (or the maximum) of a {@code tls.Config}: {@code tls.VersionSSL30},
 * {@code VersionTLS10}, {@code VersionTLS11} or their numbers (0x0300-0x0302), in a literal or an assignment.
 */
final class TlsOldVersion extends GoRule {
    private static final Map<String, String> OLD = Map.of("VersionSSL30", "SSL 3.0", "VersionTLS10", "TLS 1.0",
            "VersionTLS11", "TLS 1.1", "0x0300", "SSL 3.0", "0x0301", "TLS 1.0", "0x0302", "TLS 1.1",
            "768", "SSL 3.0", "769", "TLS 1.0", "770", "TLS 1.1");

    TlsOldVersion() {
        super(go("tls-old-version", "TLS version below 1.2 allowed", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode e : t.all("keyed_element")) {
            SyntaxNode k = e.field("key");
            check(k == null ? "" : k.text().trim(), Go.unwrap(e.field("value")), ctx);
        }
        for (SyntaxNode a : t.all("assignment_statement")) {
            SyntaxNode left = a.field("left");
            SyntaxNode right = a.field("right");
            if (left != null && right != null && left.namedChildren().size() == 1 && right.namedChildren().size() == 1) {
                String l = left.text().trim();
                check(l.substring(l.lastIndexOf('.') + 1), right.namedChildren().get(0), ctx);
            }
        }
    }

    private static void check(String key, SyntaxNode v, RuleContext ctx) {
        if (v == null || !key.equals("MinVersion") && !key.equals("MaxVersion")) {
            return;
        }
        if (v.is("identifier") && Go.valueOf(v) != null) {
            v = Go.valueOf(v); // var lowMax uint16 = tls.VersionTLS10
        }
        String text = v.compactText();
        SyntaxNode lit = v.ancestor("composite_literal");
        boolean inConfig = lit != null && Go.literalType(lit).equals("tls.Config");
        String name = text.startsWith("tls.") ? text.substring(4)
                : v.is("int_literal") && inConfig ? text.toLowerCase() : null;
        String version = name == null ? null : OLD.get(name.startsWith("0x") ? "0x" + name.substring(2) : name);
        if (version == null) {
            return;
        }
        ctx.report(v.range(), key + " " + text + " lets connections use " + version + ", which has known breaks "
                + "(BEAST, POODLE, weak ciphers) and is refused by current clients' policies; set MinVersion: "
                + "tls.VersionTLS12 (or VersionTLS13)" + (key.equals("MaxVersion") ? " and drop MaxVersion" : ""));
    }
}
