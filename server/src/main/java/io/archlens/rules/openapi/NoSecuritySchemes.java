package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YMap;

/** An API with operations but no security scheme at all. */
public final class NoSecuritySchemes implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/no-security-schemes",
            "API declares no security scheme", Severity.WARNING, Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.versionEntry() == null || doc.operations().isEmpty()) {
            return;
        }
        YMap schemes = doc.section("securitySchemes");
        if (schemes == null || schemes.entries().isEmpty()) {
            ctx.report(doc.versionEntry().key().range(), "The API declares no "
                    + (doc.swagger2() ? "securityDefinitions" : "components.securitySchemes")
                    + ": clients and gateways cannot tell how to authenticate and every operation reads as public;"
                    + " describe the scheme (OAuth2, bearer JWT, API key in a header) and require it with security");
        }
    }
}
