package io.archlens.rules.js;

import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.regex.Pattern;

/**
 * Where signing keys go in JavaScript: jsonwebtoken's and jose's {@code sign}/{@code verify}, jose's
 * {@code jwtVerify} and {@code new SignJWT(...).sign(key)}, {@code crypto.createHmac(alg, key)}, and the
 * {@code secret} of express-session / cookie-session options; and whether a key is a literal, directly or through
 * a variable, {@code JWK.asKey(...)}, {@code Buffer.from(...)}, {@code new TextEncoder().encode(...)}.
 */
final class JsKeys {
    private static final Pattern WRAPPER = Pattern.compile(
            ".*\\b(asKey|encode|from|createSecretKey|fromString)$");

    private JsKeys() {
    }

    /** The key argument of a signing call, null when the call signs nothing. */
    static SyntaxNode keyArgument(JsModule m, SyntaxNode c) {
        String method = Js.method(c);
        SyntaxNode recv = Js.receiver(c);
        SyntaxNode callee = Js.callee(c);
        if (recv != null && (method.equals("sign") || method.equals("verify"))) {
            if (recv.is("identifier") && (m.isModule(recv.text(), "jsonwebtoken")
                    || "jose".equals(m.moduleOf(recv.text())) && "JWT".equals(m.importedName(recv.text())))) {
                return Js.arg(c, 1);
            }
            if (method.equals("sign") && recv.text().contains("SignJWT")) {
                return Js.arg(c, 0);
            }
        }
        if (callee != null && callee.is("identifier")) {
            String from = m.moduleOf(callee.text());
            String name = m.importedName(callee.text());
            if (("jsonwebtoken".equals(from) && ("sign".equals(name) || "verify".equals(name)))
                    || "jose".equals(from) && "jwtVerify".equals(name)) {
                return Js.arg(c, 1);
            }
        }
        if (method.equals("createHmac") && (recv == null || recv.is("identifier") && m.isModule(recv.text(), "crypto"))
                || callee != null && callee.is("identifier") && "createHmac".equals(m.importedName(callee.text()))) {
            return Js.arg(c, 1);
        }
        return null;
    }

    static String what(SyntaxNode c) {
        return Js.method(c).equals("createHmac") ? "The HMAC" : "The JWT signing";
    }

    /** Options of express-session or cookie-session: passed to session(...) or with their own keys. */
    static boolean sessionOptions(SyntaxNode o) {
        if (Js.prop(o, "resave") != null || Js.prop(o, "saveUninitialized") != null) {
            return true;
        }
        SyntaxNode args = o.parent();
        SyntaxNode call = args != null && args.is("arguments") ? args.parent() : null;
        return call != null && call.is("call_expression")
                && Js.calleeText(call).matches("(?i)(express)?session|cookieSession");
    }

    /** The string literal a key comes from (through variables and key wrappers), null when it is not one. */
    static SyntaxNode literal(JsModule m, SyntaxNode key, int depth) {
        key = Js.unwrap(key);
        if (key == null || depth > 3) {
            return null;
        }
        String v = Js.stringValue(key);
        if (v != null) {
            return v.isBlank() ? null : key;
        }
        if (key.is("identifier")) {
            return literal(m, m.valueOf(key), depth + 1);
        }
        if (key.isAny("call_expression", "new_expression")) {
            String callee = Js.unwrap(key.is("call_expression") ? Js.callee(key) : key.field("constructor")).text();
            return WRAPPER.matcher(callee).matches() ? literal(m, Js.arg(key, 0), depth + 1) : null;
        }
        return null;
    }

    /** " (line N)" when the literal sits elsewhere than the key argument. */
    static String where(JsModule m, SyntaxNode key) {
        SyntaxNode lit = literal(m, key, 0);
        if (lit == null || key.contains(lit)) {
            return "";
        }
        String text = lit.tree().text();
        int line = 1;
        for (int i = 0; i < lit.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return " (line " + line + ")";
    }
}
