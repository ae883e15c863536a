package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YScalar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parameters that take a URL from the client (named {@code callback}, {@code redirect}, {@code *_url}, {@code *Uri}
 * ..., or typed {@code format: uri}): the server fetching it is a request forgery (SSRF) risk, redirecting to it an
 * open redirect.
 */
public final class UrlParameter implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/url-parameter",
            "Parameter takes a URL from the client", Severity.INFO, Category.SECURITY, FileKind.OPENAPI);

    private static final Pattern NAME = Pattern.compile("(?i:callback|redirect|redirect_?ur[il]|return_?ur[il]"
            + "|return_?to|webhook(_?ur[il])?)|.*(_url|_uri|-url|-uri|Url|Uri|URL|URI)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Set<YMap> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Operation op : doc.operations()) {
            for (YMap p : doc.parameters(op)) {
                String in = p.getText("in");
                if (!(p.get("name") instanceof YScalar name) || "header".equals(in) || "body".equals(in)
                        || !seen.add(p)) {
                    continue;
                }
                YMap schema = doc.swagger2() ? p : doc.deref(p.get("schema")) instanceof YMap s ? s : null;
                String format = schema == null ? null : schema.getText("format");
                if (NAME.matcher(name.value()).matches() || "uri".equals(format) || "url".equals(format)) {
                    ctx.report(name.range(), "Parameter " + name.value() + " of " + op.label() + " takes a URL from"
                            + " the client: if the server fetches it, anyone can make it call internal services"
                            + " (SSRF); if it redirects to it, phishing links borrow your domain (open redirect);"
                            + " allow only known hosts");
                }
            }
        }
    }
}
