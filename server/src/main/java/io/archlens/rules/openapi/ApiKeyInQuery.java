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
import io.archlens.syntax.yaml.YNode;

/** API key security schemes sent in the URL (query string, or a path segment, which OpenAPI does not even allow). */
public final class ApiKeyInQuery implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/api-key-in-query",
            "API key is passed in the query string", Severity.WARNING, Category.SECURITY, FileKind.OPENAPI);

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
            if (doc.deref(e.value()) instanceof YMap s && "apiKey".equals(s.getText("type"))) {
                YEntry in = s.entry("in");
                if (in != null && ("query".equals(in.value().text()) || "path".equals(in.value().text()))) {
                    YNode v = in.value();
                    ctx.report(v.range(), "Security scheme " + e.keyText() + " sends the API key in the URL ("
                            + in.value().text() + "): it ends"
                            + " up in access logs, proxy logs, browser history and Referer headers; send it in a"
                            + " header (in: header, e.g. X-API-Key or Authorization)");
                }
            }
        }
    }
}
