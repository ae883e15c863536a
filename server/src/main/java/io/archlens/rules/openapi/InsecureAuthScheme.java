package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import java.util.Locale;

/** Security schemes that send reusable passwords or rely on weak HTTP authentication (basic, digest, negotiate). */
public final class InsecureAuthScheme implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/insecure-auth-scheme",
            "Security scheme sends passwords or uses weak HTTP authentication", Severity.WARNING,
            Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        YMap schemes = doc.section("securitySchemes");
        if (schemes == null) {
            return;
        }
        for (YEntry e : schemes.entries()) {
            if (!(doc.deref(e.value()) instanceof YMap s) || s.entry("type") == null) {
                continue;
            }
            YEntry type = s.entry("type");
            String t = String.valueOf(s.getText("type")).toLowerCase(Locale.ROOT);
            String scheme = String.valueOf(s.getText("scheme")).toLowerCase(Locale.ROOT);
            YEntry at = s.entry("scheme") != null ? s.entry("scheme") : type;
            if (t.equals("basic") || t.equals("http") && (scheme.equals("basic") || scheme.equals("digest"))) {
                ctx.report(at.value().range(), "Security scheme " + e.keyText() + " uses HTTP "
                        + (scheme.equals("digest") ? "digest" : "basic") + " authentication: every request carries"
                        + " the user's reusable password (digest: MD5-hashed), which cannot be scoped, expired or"
                        + " revoked on its own; use OAuth 2 / bearer tokens");
            } else if (t.equals("http") && scheme.equals("negotiate") || t.equals("http") && scheme.equals("oauth")) {
                ctx.report(at.value().range(), "Security scheme " + e.keyText() + " uses HTTP " + scheme
                        + " authentication, which is considered insecure (NTLM/Kerberos negotiation, OAuth 1.0"
                        + " signatures); use OAuth 2 / bearer tokens over HTTPS");
            }
        }
    }
}
