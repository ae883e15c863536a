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
import java.util.regex.Pattern;

/**
 * Security schemes that carry JWTs ({@code bearerFormat: JWT}, or a description naming JWT/JWS) without saying how
 * the tokens are validated: accepted algorithms, key source, or conformance to RFC 8725 (JWT best practices).
 */
public final class JwtValidationUndocumented implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/jwt-validation-undocumented",
            "JWT security scheme does not say how tokens are validated", Severity.INFO, Category.SECURITY,
            FileKind.OPENAPI);

    private static final Pattern JWT = Pattern.compile("(?i).*\\b(jwts?|jws|json web tokens?)\\b.*", Pattern.DOTALL);
    private static final Pattern VALIDATION = Pattern.compile("(?i).*(rfc\\s*-?\\s*8725|rfc\\s*-?\\s*7519|\\balg\\b|"
            + "algorithm|[RHEP]S(256|384|512)|EdDSA|jwks|signature|signed|public key).*", Pattern.DOTALL);

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
            if (!(doc.deref(e.value()) instanceof YMap s)) {
                continue;
            }
            String format = s.getText("bearerFormat");
            String description = s.getText("description");
            boolean jwt = format != null && JWT.matcher(format).matches()
                    || description != null && JWT.matcher(description).matches();
            if (!jwt || description != null && VALIDATION.matcher(description).matches()) {
                continue;
            }
            YEntry at = s.entry("description") != null ? s.entry("description") : s.entry("bearerFormat");
            ctx.report(at.value().range(), "Security scheme " + e.keyText() + " carries JWTs but does not say how"
                    + " they are validated: servers that accept alg none, or a public key used as an HMAC secret, let"
                    + " anyone mint tokens; state the accepted algorithms and the key source (JWKS), or conformance to"
                    + " RFC 8725");
        }
    }
}
