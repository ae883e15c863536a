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

/** Server URL templates whose variables are undefined, unused, without default or with a default outside their enum. */
public final class InvalidServerVariables implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/invalid-server-variables",
            "Server URL variables are inconsistent", Severity.ERROR, Category.RELIABILITY, FileKind.OPENAPI);
    private static final Pattern VAR = Pattern.compile("\\{([^}]*)}");

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
            if (m.get("url") instanceof YScalar url && (m.has("variables") || url.value().contains("{"))
                    && !m.has("operationRef") && !m.has("in")) {
                check(m, url, ctx);
            }
        });
    }

    private static void check(YMap server, YScalar url, RuleContext ctx) {
        Set<String> used = new HashSet<>();
        Matcher m = VAR.matcher(url.value());
        YMap vars = server.get("variables") instanceof YMap v ? v : null;
        while (m.find()) {
            used.add(m.group(1));
            if (vars == null || vars.get(m.group(1)) == null) {
                ctx.report(url.range(), "Server URL " + url.value() + " uses {" + m.group(1) + "}, which its variables"
                        + " do not define: clients cannot build the URL; define the variable with a default");
            }
        }
        if (vars == null) {
            return;
        }
        for (YEntry e : vars.entries()) {
            if (!used.contains(e.keyText())) {
                ctx.report(e.key().range(), "Server variable " + e.keyText() + " is not used in " + url.value()
                        + ": setting it changes nothing; remove it or use it in the URL");
            }
            if (!(e.value() instanceof YMap v)) {
                continue;
            }
            YEntry def = v.entry("default");
            if (def == null) {
                ctx.report(e.key().range(), "Server variable " + e.keyText() + " has no default, which the"
                        + " specification requires: tools cannot build a usable URL; add a default");
            } else if (v.get("enum") instanceof YSeq en && en.items().stream().noneMatch(i -> String.valueOf(i.text())
                    .equals(String.valueOf(def.value().text())))) {
                ctx.report(def.value().range(), "The default of server variable " + e.keyText() + " is not one of its"
                        + " enum values: the default URL is one the API does not accept; list it or change it");
            }
        }
        String sample = url.value();
        for (YEntry e : vars.entries()) {
            String d = e.value() instanceof YMap v ? v.getText("default") : null;
            sample = sample.replace("{" + e.keyText() + "}", d == null ? "x" : d);
        }
        if (!sample.contains("{") && !sample.startsWith("/") && !sample.matches("(?i)[a-z][a-z0-9+.-]*://[^\\s/?#]+.*")) {
            ctx.report(server.entry("variables").key().range(), "With its defaults the server URL becomes " + sample
                    + ", which is not a valid URL; fix the template or the defaults");
        }
    }
}
