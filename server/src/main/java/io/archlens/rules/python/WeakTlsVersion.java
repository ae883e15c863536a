package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;

/**
 * A TLS or SSL version that is broken or retired chosen in code: {@code ssl.PROTOCOL_SSLv2/SSLv3/TLSv1/TLSv1_1},
 * pyOpenSSL's {@code SSL.SSLv2_METHOD ... TLSv1_1_METHOD}, {@code ssl.TLSVersion.TLSv1/TLSv1_1} (as a minimum).
 * {@code PROTOCOL_TLS_CLIENT} and pyOpenSSL's negotiating {@code SSLv23_METHOD} are left alone.
 */
final class WeakTlsVersion extends PythonRule {
    private static final Set<String> WEAK = Set.of("PROTOCOL_SSLv2", "PROTOCOL_SSLv3", "PROTOCOL_TLSv1",
            "PROTOCOL_TLSv1_1", "SSLv2_METHOD", "SSLv3_METHOD", "TLSv1_METHOD", "TLSv1_1_METHOD");
    private static final Set<String> WEAK_MINIMUM = Set.of("SSLv3", "TLSv1", "TLSv1_1");

    WeakTlsVersion() {
        super(python("weak-tls-version", "Retired TLS/SSL version chosen", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        for (SyntaxNode a : f.all("attribute")) {
            SyntaxNode attr = a.field("attribute");
            SyntaxNode obj = a.field("object");
            if (attr == null || obj == null) {
                continue;
            }
            String name = attr.text();
            String o = obj.text();
            boolean weak = WEAK.contains(name) && (o.endsWith("ssl") || o.endsWith("SSL"))
                    || WEAK_MINIMUM.contains(name) && o.endsWith("TLSVersion");
            if (weak) {
                ctx.report(a.range(), a.text() + " selects a protocol version with known breaks (retired by RFC 8996): "
                        + "a network attacker can downgrade or decrypt the traffic; use ssl.PROTOCOL_TLS_CLIENT (or "
                        + "_SERVER) with minimum_version = ssl.TLSVersion.TLSv1_2");
            }
        }
    }
}
