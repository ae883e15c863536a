package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YScalar;
import java.util.regex.Pattern;

/** Query or path parameters named like credentials (apiKey security schemes are openapi/api-key-in-query's). */
public final class CredentialInUrl implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/credential-in-url",
            "Credential is passed in the URL", Severity.WARNING, Category.SECURITY, FileKind.OPENAPI);
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)^(?:x-)?(?:client[-_]?secret|password|passwd|pwd"
            + "|secret|api[-_]?key|apikey|access[-_]?token|auth[-_]?token|refresh[-_]?token|id[-_]?token|token"
            + "|private[-_]?key|session[-_]?id|sessionid|credentials?|auth)$");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        SchemaMaps.forEachMap(doc, m -> {
            String in = m.getText("in");
            if (("query".equals(in) || "path".equals(in)) && !"apiKey".equals(m.getText("type"))
                    && m.get("name") instanceof YScalar name
                    && CREDENTIAL.matcher(name.value()).matches()) {
                ctx.report(name.range(), "Parameter " + name.value() + " carries a credential in the URL (" + in
                        + "): URLs end up in access logs, proxy and CDN logs, browser history and Referer headers;"
                        + " send it in a header (Authorization) or the request body");
            }
        });
    }
}
