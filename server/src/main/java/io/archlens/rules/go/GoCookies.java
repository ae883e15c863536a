package io.archlens.rules.go;

import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cookies a Go file sets: {@code http.Cookie} literals and gorilla's {@code sessions.Options}, with the flags
 * written in the literal or assigned to its variable later in the function ({@code c.Secure = true}). Deletion
 * cookies ({@code MaxAge: -1}, {@code Expires: time.Unix(0, 0)}) carry nothing and are left out.
 */
final class GoCookies {
    private GoCookies() {
    }

    /** One cookie literal and the value of each flag (null when not set). */
    record Cookie(SyntaxNode literal, String type, SyntaxNode secure, SyntaxNode httpOnly, SyntaxNode sameSite) {
    }

    static List<Cookie> of(CodeTree t) {
        List<Cookie> out = new ArrayList<>();
        for (SyntaxNode lit : t.all("composite_literal")) {
            String type = Go.literalType(lit);
            if (!type.equals("http.Cookie") && !type.equals("sessions.Options")) {
                continue;
            }
            Map<String, SyntaxNode> keys = Go.keyed(lit);
            if (deletion(keys)) {
                continue;
            }
            SyntaxNode secure = keys.get("Secure");
            SyntaxNode httpOnly = keys.get("HttpOnly");
            String var = Go.storedIn(lit);
            SyntaxNode fn = Go.function(lit);
            if (var != null && fn != null) { // c.Secure = true later in the function
                for (SyntaxNode a : fn.descendants("assignment_statement")) {
                    SyntaxNode left = a.field("left");
                    SyntaxNode right = a.field("right");
                    if (a.start() < lit.end() || left == null || right == null || right.namedChildren().isEmpty()) {
                        continue;
                    }
                    String l = left.text().replaceAll("\\s+", "");
                    if (l.equals(var + ".Secure")) {
                        secure = right.namedChildren().get(0);
                    } else if (l.equals(var + ".HttpOnly")) {
                        httpOnly = right.namedChildren().get(0);
                    }
                }
            }
            out.add(new Cookie(lit, type, secure, httpOnly, keys.get("SameSite")));
        }
        return out;
    }

    private static boolean deletion(Map<String, SyntaxNode> keys) {
        SyntaxNode maxAge = Go.unwrap(keys.get("MaxAge"));
        SyntaxNode expires = Go.unwrap(keys.get("Expires"));
        return maxAge != null && maxAge.text().replaceAll("\\s+", "").startsWith("-")
                || expires != null && expires.text().replaceAll("\\s+", "").matches("time\\.Unix\\(0,0\\)");
    }

    /** A flag written as {@code false} (or a constant holding it). */
    static boolean isFalse(SyntaxNode v) {
        v = Go.unwrap(v);
        if (v != null && v.is("identifier") && Go.valueOf(v) != null) {
            v = Go.valueOf(v);
        }
        return v != null && v.is("false");
    }
}
