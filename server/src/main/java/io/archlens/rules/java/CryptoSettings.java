package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Crypto set up too weak to matter, read from literals. {@code tls()}: {@code SSLContext.getInstance} with SSL,
 * SSLv2/v3, TLSv1 or TLSv1.1. {@code keySize()}: a {@code KeyPairGenerator} for RSA, DSA or DH initialised below
 * 2048 bits, or a {@code KeyGenerator} for AES or Blowfish below 128, in the same method.
 */
final class CryptoSettings extends JavaRule {
    private static final Set<String> OLD_TLS = Set.of("SSL", "SSLV2", "SSLV3", "TLSV1", "TLSV1.1");
    private static final Map<String, Integer> MIN_BITS = Map.of("RSA", 2048, "DSA", 2048, "DH", 2048,
            "DIFFIEHELLMAN", 2048, "AES", 128, "BLOWFISH", 128);
    private final boolean tls;

    private CryptoSettings(boolean tls, String id, String title) {
        super(java(id, title, Severity.ERROR, Category.SECURITY));
        this.tls = tls;
    }

    static CryptoSettings tls() {
        return new CryptoSettings(true, "weak-tls-version", "SSL or TLS 1.0/1.1 requested");
    }

    static CryptoSettings keySize() {
        return new CryptoSettings(false, "weak-key-size", "Key too short");
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!c.getNameAsString().equals("getInstance") || c.getArguments().isEmpty()) {
                continue;
            }
            String cls = c.getScope().map(f::printed).orElse("");
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            String value = WeakCipher.constant(c.getArgument(0));
            if (value == null) {
                continue;
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (tls && cls.equals("SSLContext") && OLD_TLS.contains(upper)) {
                ctx.report(f.range(c.getArgument(0)), "SSLContext.getInstance(\"" + value + "\") asks for a protocol "
                        + "with known attacks (POODLE, BEAST) that current servers and PCI DSS reject; use \"TLSv1.3\" "
                        + "or \"TLS\" (the JDK's default set, TLS 1.2 and 1.3)");
            } else if (!tls && (cls.equals("KeyPairGenerator") || cls.equals("KeyGenerator"))
                    && MIN_BITS.containsKey(upper)) {
                size(f, ctx, c, upper, value);
            }
        }
    }

    private static void size(JavaFile f, RuleContext ctx, MethodCallExpr created, String alg, String written) {
        String var = Jx.storedIn(Jx.chainTop(created));
        if (var == null) {
            return;
        }
        List<MethodCallExpr> calls = Jx.callable(created).map(m -> m.findAll(MethodCallExpr.class)).orElse(List.of());
        for (MethodCallExpr m : calls) {
            if ((m.getNameAsString().equals("initialize") || m.getNameAsString().equals("init"))
                    && m.getScope().map(s -> s.toString().equals(var)).orElse(false) && !m.getArguments().isEmpty()) {
                Expression bits = m.getArgument(0);
                if (bits.isIntegerLiteralExpr() && bits.asIntegerLiteralExpr().asNumber().intValue() < MIN_BITS.get(alg)) {
                    ctx.report(f.range(bits), written + " keys of " + bits + " bits are within reach of a determined "
                            + "attacker (factoring, brute force); use at least " + MIN_BITS.get(alg) + " bits"
                            + (alg.equals("BLOWFISH") ? ", or AES-256" : ""));
                }
            }
        }
    }
}
