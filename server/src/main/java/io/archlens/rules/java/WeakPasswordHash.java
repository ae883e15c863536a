package io.archlens.rules.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords hashed with a fast digest: Spring Security's legacy digest encoders, or MD5/SHA-1 (
 * {@code MessageDigest.getInstance}, {@code DigestUtils.md5Hex/sha1Hex}) in a method that handles a password.
 */
final class WeakPasswordHash extends JavaRule {
    private static final Set<String> WEAK_ENCODERS = Set.of("StandardPasswordEncoder", "MessageDigestPasswordEncoder",
            "Md4PasswordEncoder", "Md5PasswordEncoder", "ShaPasswordEncoder", "LdapShaPasswordEncoder");
    private static final Set<String> WEAK = Set.of("MD5", "MD2", "MD4", "SHA-1", "SHA1", "SHA");
    private static final Set<String> DIGEST_UTILS = Set.of("md5Hex", "sha1Hex", "md5", "sha1", "md5DigestAsHex",
            "sha", "shaHex");

    WeakPasswordHash() {
        super(java("weak-password-hash", "Password hashed with a fast or broken digest", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (WEAK_ENCODERS.contains(oc.getType().getNameAsString())) {
                ctx.report(f.range(oc.getType()), oc.getType().getNameAsString() + " hashes passwords with a fast "
                        + "digest that GPUs guess by the billions; use BCryptPasswordEncoder or Argon2PasswordEncoder");
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            boolean digest = c.getNameAsString().equals("getInstance") && c.getArguments().size() >= 1
                    && c.getScope().map(s -> s.toString().equals("MessageDigest")).orElse(false)
                    && c.getArgument(0).isStringLiteralExpr()
                    && WEAK.contains(c.getArgument(0).asStringLiteralExpr().getValue().toUpperCase(Locale.ROOT));
            boolean utils = DIGEST_UTILS.contains(c.getNameAsString())
                    && c.getScope().map(s -> s.toString().endsWith("DigestUtils")).orElse(false);
            if ((digest || utils) && aboutPasswords(f, c)) {
                ctx.report(f.range(digest ? c.getArgument(0) : c.getName()), "Passwords hashed with "
                        + (digest ? c.getArgument(0).asStringLiteralExpr().getValue() : c.getNameAsString())
                        + " are guessed by the billions per second once the table leaks; use a slow, salted "
                        + "password hash (BCrypt, Argon2, PBKDF2 through Spring Security's PasswordEncoder)");
            }
        }
    }

    /** The call is about passwords: the method's name or the call's arguments say so. */
    private static boolean aboutPasswords(JavaFile f, MethodCallExpr c) {
        String scope = (Jx.functionName(c) + " " + c.getArguments()).toLowerCase(Locale.ROOT);
        String method = Jx.callable(c).map(m -> f.text(m)).orElse("").toLowerCase(Locale.ROOT);
        return scope.contains("password") || scope.contains("passwd") || method.contains("password")
                && !method.contains("checksum") && !method.contains("etag");
    }
}
