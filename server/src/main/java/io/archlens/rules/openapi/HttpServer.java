package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.Locale;
import java.util.regex.Pattern;

/** Servers on plain {@code http://} (3.x {@code servers}, 2.0 {@code schemes}); local hosts are fine. */
public final class HttpServer implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/http-server",
            "API is served over plain HTTP", Severity.WARNING, Category.SECURITY, FileKind.OPENAPI).withFix();

    private static final Pattern LOCAL = Pattern.compile(
            "(?i)http://(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1]|[^/:]*\\.local|[^/:]*\\.test|host\\.docker\\.internal)([:/].*)?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        YMap root = doc.root();
        if (root == null) {
            return;
        }
        if (root.get("servers") instanceof YSeq servers) {
            for (YNode s : servers.items()) {
                if (s instanceof YMap m && m.get("url") instanceof YScalar url) {
                    String v = url.value().strip();
                    if (v.toLowerCase(Locale.ROOT).startsWith("http://") && !LOCAL.matcher(v).matches()) {
                        String https = "https://" + v.substring("http://".length());
                        Edit e = doc.edits().replaceScalar(url, https);
                        ctx.report(url.range(), "Server " + v + " uses plain HTTP: tokens, API keys and personal data"
                                + " cross the network readable and changeable; serve the API over HTTPS only",
                                Fix.unsafe("Use " + https, e));
                    }
                }
            }
        }
        if (doc.swagger2() && root.get("schemes") instanceof YSeq schemes) {
            String host = root.getText("host");
            if (host != null && LOCAL.matcher("http://" + host).matches()) {
                return;
            }
            for (YNode s : schemes.items()) {
                if (s instanceof YScalar sc && !sc.value().equalsIgnoreCase("https")
                        && !sc.value().equalsIgnoreCase("wss")) {
                    ctx.report(sc.range(), "schemes lists " + sc.value() + ", which is not encrypted: tokens, API keys"
                            + " and personal data cross the network readable and changeable; list only https (wss)");
                }
            }
        }
    }
}
