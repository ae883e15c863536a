package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Map;

/**
 * Certificate checks turned off in code: {@code tls.Config{InsecureSkipVerify: true}} or
 * {@code cfg.InsecureSkipVerify = true} on a tls.Config (a variable built from one, a {@code *tls.Config} parameter,
 * a {@code TLSClientConfig} field), unless the config verifies peers itself ({@code VerifyPeerCertificate},
 * {@code VerifyConnection}). Other structs with such a field (an application's own options) are not judged, with {@code true} written in the file (a literal, {@code !false}, a constant
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
        for (SyntaxNode lit : t.all("composite_literal")) {
            if (!Go.literalType(lit).equals("tls.Config")) {
                continue;
            }
            Map<String, SyntaxNode> keys = Go.keyed(lit);
            SyntaxNode v = keys.get("InsecureSkipVerify");
            if (v != null && Go.isTrue(v) && !keys.containsKey("VerifyPeerCertificate")
                    && !keys.containsKey("VerifyConnection") && !verifiesLater(Go.function(lit), Go.storedIn(lit))) {
                ctx.report(v.parent() != null && v.parent().is("literal_element") ? v.parent().parent().range()
                        : v.range(), MESSAGE);
            }
        }
        for (SyntaxNode a : t.all("assignment_statement")) {
            SyntaxNode left = a.field("left");
            SyntaxNode right = a.field("right");
            if (left == null || right == null || left.namedChildren().size() != 1 || right.namedChildren().size() != 1
                    || !left.text().trim().endsWith(".InsecureSkipVerify") || !Go.isTrue(right.namedChildren().get(0))) {
                continue;
            }
            String target = left.compactText();
            target = target.substring(0, target.length() - ".InsecureSkipVerify".length());
            if (tlsConfig(a, target) && !verifiesLater(Go.function(a), target)) {
                ctx.report(a.range(), MESSAGE);
            }
        }
    }

    /** The assigned value is a tls.Config: a TLS config field, a tls.Config variable or parameter of the function. */
    private static boolean tlsConfig(SyntaxNode at, String target) {
        if (target.endsWith("TLSClientConfig") || target.endsWith("TLSConfig") || target.endsWith("tlsConfig")) {
            return true;
        }
        SyntaxNode fn = Go.function(at);
        if (fn == null) {
            return false;
        }
        String type = Go.params(fn).get(target);
        if (type != null) {
            return type.equals("*tls.Config") || type.equals("tls.Config");
        }
        for (SyntaxNode lit : fn.descendants("composite_literal")) {
            if (Go.literalType(lit).equals("tls.Config") && target.equals(Go.storedIn(lit))) {
                return true;
            }
        }
        for (SyntaxNode spec : fn.descendants("var_spec")) { // var conf tls.Config
            SyntaxNode declared = spec.field("type");
            if (declared != null && declared.text().replace("*", "").trim().equals("tls.Config")
                    && spec.fieldAll("name").stream().anyMatch(n -> n.text().equals(target))) {
                return true;
            }
        }
        for (SyntaxNode call : fn.descendants("call_expression")) { // conf := new(tls.Config)
            if (Go.callee(call).equals("new") && call.field("arguments") != null
                    && call.field("arguments").text().replaceAll("\\s", "").equals("(tls.Config)")
                    && target.equals(Go.storedIn(call))) {
                return true;
            }
        }
        return false;
    }

    /** Custom verification replaces the default one: VerifyPeerCertificate or VerifyConnection set in the function. */
    private static boolean verifiesLater(SyntaxNode fn, String var) {
        if (fn == null || var == null) {
            return false;
        }
        String body = fn.compactText();
        return body.contains(var + ".VerifyPeerCertificate=") || body.contains(var + ".VerifyConnection=");
    }
}
