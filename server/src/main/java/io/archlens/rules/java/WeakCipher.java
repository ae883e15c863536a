package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import java.util.Locale;
import java.util.Set;

/**
 * A cipher that does not protect the data, read from the transformation string: DES, 3DES, RC2, RC4, Blowfish;
 * ECB mode (written, or implied by a bare {@code "AES"}); RSA without padding; {@code NullCipher}. The
 * transformation is a literal or a {@code static final} constant.
 */
final class WeakCipher extends JavaRule {
    private static final Set<String> BROKEN = Set.of("DES", "DESEDE", "TRIPLEDES", "3DES", "RC2", "RC4", "ARCFOUR",
            "ARC4", "BLOWFISH");
    private static final Set<String> BLOCK = Set.of("AES", "AES_128", "AES_256", "CAMELLIA", "ARIA", "SEED");

    WeakCipher() {
        super(java("weak-cipher", "Broken cipher or mode", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (oc.getType().getNameAsString().equals("NullCipher")) {
                ctx.report(f.range(oc.getType()), "NullCipher does not encrypt: the \"ciphertext\" is the plaintext; "
                        + "use Cipher.getInstance(\"AES/GCM/NoPadding\")");
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!c.getNameAsString().equals("getInstance") || c.getArguments().isEmpty()) {
                continue;
            }
            String cls = c.getScope().map(s -> s.toString()).orElse("");
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            if (!cls.equals("Cipher") && !cls.equals("KeyGenerator") && !cls.equals("SecretKeyFactory")) {
                continue;
            }
            Expression arg = c.getArgument(0);
            String t = constant(arg);
            if (t == null) {
                continue;
            }
            String[] p = t.toUpperCase(Locale.ROOT).split("/");
            String alg = p[0].trim();
            String problem = null;
            if (BROKEN.contains(alg)) {
                problem = t.split("/")[0] + " is broken (a 56- or 64-bit block, or a biased stream): recorded traffic can be "
                        + "decrypted; use AES/GCM/NoPadding";
            } else if (!cls.equals("Cipher")) {
                continue;
            } else if (BLOCK.contains(alg) && p.length == 1) {
                problem = "\"" + t + "\" without a mode means ECB: equal blocks encrypt to equal ciphertext, so "
                        + "patterns show through; say AES/GCM/NoPadding (with a fresh 12-byte IV per message)";
            } else if (p.length > 1 && p[1].trim().equals("ECB") && !alg.equals("RSA")) {
                problem = "ECB mode encrypts equal blocks to equal ciphertext, so patterns in the data show through; "
                        + "use AES/GCM/NoPadding (with a fresh 12-byte IV per message)";
            } else if (alg.equals("RSA") && p.length == 3 && p[2].trim().equals("NOPADDING")) {
                problem = "RSA without padding is deterministic and malleable; use RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
            }
            if (problem != null) {
                ctx.report(f.range(arg), cls + ".getInstance(\"" + t + "\"): " + problem);
            }
        }
    }

    /** The text of a string literal or of a {@code static final} string constant initialised with one. */
    static String constant(Expression e) {
        if (e.isStringLiteralExpr()) {
            return e.asStringLiteralExpr().getValue();
        }
        if (e.isNameExpr()) {
            return Decls.find(e, e.asNameExpr().getNameAsString()).filter(Decls.Decl::isFinal)
                    .map(Decls.Decl::variable).flatMap(v -> v.getInitializer())
                    .filter(Expression::isStringLiteralExpr).map(i -> i.asStringLiteralExpr().getValue()).orElse(null);
        }
        return null;
    }
}
