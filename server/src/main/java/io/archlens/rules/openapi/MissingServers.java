package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An OpenAPI 3 document without {@code servers}: tools fall back to the document's own location. */
public final class MissingServers implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/missing-servers",
            "API does not say where it is served", Severity.INFO, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        if (doc.swagger2()) {
            return;
        }
        YEntry servers = doc.root().entry("servers");
        if (servers == null || servers.value() instanceof YSeq s && s.items().isEmpty()) {
            YEntry at = servers != null ? servers : doc.versionEntry();
            if (at != null) {
                ctx.report(at.key().range(), "No servers are listed: clients, mock servers and try-it consoles then"
                        + " send requests relative to wherever the spec file is hosted (assuming that is not the API);"
                        + " list the API's base URL(s)");
            }
        }
    }
}
