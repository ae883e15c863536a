package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A password hashed with a fast digest ({@code hashlib.md5/sha1/sha256...}): judged by the name of what is hashed
 * ({@code password}, {@code pwd}), so a warning that says so.
 */
final class WeakPasswordHash extends PythonRule {
    private static final Set<String> DIGESTS = Set.of("hashlib.md5", "hashlib.sha1", "hashlib.sha224",
            "hashlib.sha256", "hashlib.sha384", "hashlib.sha512", "hashlib.new", "hashlib.sha3_256",
            "hashlib.sha3_512", "hashlib.blake2b");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(passw(or)?d|\\bpwd\\b|passphrase)");

    WeakPasswordHash() {
        super(python("weak-password-hash", "Password hashed with a fast digest", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            if (!DIGESTS.contains(q)) {
                return;
            }
            SyntaxNode data = Py.arg(call, q.equals("hashlib.new") ? 1 : 0, "data");
            if (data == null || !PASSWORD.matcher(data.text()).find()) {
                SyntaxNode p = call.parent();
                // hashlib.md5().update(password) / h = hashlib.sha1(); h.update(password) is left out: not in view
                if (p == null || !p.is("attribute")) {
                    return;
                }
                SyntaxNode upd = p.parent();
                if (upd == null || !upd.is("call") || !p.field("attribute").text().equals("update")
                        || Py.arg(upd, 0, null) == null || !PASSWORD.matcher(Py.arg(upd, 0, null).text()).find()) {
                    return;
                }
            }
            ctx.report(call.field("function").range(), q + " on what its name says is a password: a fast digest "
                    + "lets a stolen table be tried at billions of guesses a second; use a password hash (argon2, "
                    + "bcrypt, hashlib.scrypt, Django's make_password)");
        });
    }
}
