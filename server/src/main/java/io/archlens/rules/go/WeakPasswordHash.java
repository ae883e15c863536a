package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A password hashed with a broken fast digest (MD5, SHA-1, MD4): {@code md5.Sum([]byte(password))}, a hasher from
 * {@code sha1.New()} that is fed a password in the same function, or a digest handed to a password setter
 * ({@code user.SetPassword(md5.Sum(data))}). Judged by names; the message says so.
 */
final class WeakPasswordHash extends GoRule {
    private static final Map<String, String> DIGESTS = Map.of("md5", "MD5", "sha1", "SHA-1", "md4", "MD4");
    static final Pattern PASSWORD = Pattern.compile("password|passwd|passphrase|\\bpwd\\b|\\bpass\\b");

    WeakPasswordHash() {
        super(go("weak-password-hash", "Password hashed with a fast digest", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            String callee = Go.callee(call);
            int dot = callee.indexOf('.');
            String digest = dot < 0 ? null : DIGESTS.get(callee.substring(0, dot));
            if (digest == null) {
                continue;
            }
            String m = callee.substring(dot + 1);
            SyntaxNode at;
            if (m.startsWith("Sum")) {
                at = Go.args(call).stream().anyMatch(a -> mentionsPassword(a.text())) || toPasswordSetter(call)
                        ? call.field("function") : null;
            } else if (m.equals("New")) {
                at = fedPassword(call);
            } else {
                continue;
            }
            if (at != null) {
                ctx.report(at.range(), "A password (judging by the names) is hashed with " + digest
                        + ", a fast, broken digest: once the table leaks, GPUs try billions of guesses per second; use "
                        + "bcrypt (golang.org/x/crypto/bcrypt) or argon2id");
            }
        }
    }

    static boolean mentionsPassword(String text) {
        return PASSWORD.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** The digest is an argument of a call whose name is about passwords ({@code setPassword(...)}). */
    private static boolean toPasswordSetter(SyntaxNode call) {
        SyntaxNode outer = call.parent() != null && call.parent().is("argument_list") ? call.parent().parent() : null;
        return outer != null && mentionsPassword(Go.method(outer));
    }

    /**
     * {@code h := sha1.New()} and then {@code h.Write(...password...)} or {@code io.WriteString(h, password)} (the
     * constructor is reported), or {@code h.Sum(nil)} handed to a password setter (that sum is reported: there the
     * digest becomes the stored password); null when neither.
     */
    private static SyntaxNode fedPassword(SyntaxNode call) {
        String h = Go.storedIn(call);
        SyntaxNode fn = Go.function(call);
        if (h == null || fn == null) {
            return null;
        }
        for (SyntaxNode c : fn.descendants("call_expression")) {
            String callee = Go.callee(c);
            boolean write = callee.equals(h + ".Write") || callee.equals(h + ".WriteString")
                    || callee.equals("io.WriteString") && Go.arg(c, 0) != null && Go.arg(c, 0).text().equals(h);
            if (write && Go.args(c).stream().anyMatch(a -> mentionsPassword(a.text()))) {
                return call.field("function");
            }
            if (callee.equals(h + ".Sum") && toPasswordSetter(c)) {
                return c.field("function");
            }
        }
        return null;
    }
}
