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
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A security requirement (document-wide or per operation) naming a scheme the spec does not define. */
public final class UndefinedSecurityScheme implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/undefined-security-scheme",
            "Security requirement names an undefined scheme", Severity.ERROR, Category.SECURITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        YMap schemes = doc.section("securitySchemes");
        check(doc, doc.root().get("security"), schemes, "the document", ctx);
        for (Operation op : doc.operations()) {
            check(doc, op.get("security"), schemes, op.label(), ctx);
        }
    }

    /** The scopes an OAuth 2 scheme defines: 2.0 {@code scopes}, 3.x {@code flows.*.scopes}. */
    private static Set<String> scopes(OpenApiDoc doc, YMap scheme) {
        Set<String> out = new HashSet<>();
        List<YNode> maps = new ArrayList<>();
        maps.add(scheme.get("scopes"));
        if (scheme.get("flows") instanceof YMap flows) {
            for (YEntry f : flows.entries()) {
                maps.add(f.value() instanceof YMap fm ? fm.get("scopes") : null);
            }
        }
        for (YNode n : maps) {
            if (n instanceof YMap m) {
                for (YEntry e : m.entries()) {
                    out.add(e.keyText());
                }
            }
        }
        return out;
    }

    private static void check(OpenApiDoc doc, YNode security, YMap schemes, String where, RuleContext ctx) {
        if (!(security instanceof YSeq seq)) {
            return;
        }
        String section = doc.swagger2() ? "securityDefinitions" : "components.securitySchemes";
        for (YNode r : seq.items()) {
            if (!(r instanceof YMap m)) {
                continue;
            }
            for (YEntry e : m.entries()) {
                String name = e.keyText();
                YNode scheme = name == null || schemes == null ? null : doc.deref(doc.get(schemes, name));
                if (name != null && scheme == null) {
                    ctx.report(e.key().range(), "Security requirement of " + where + " names " + name + ", which "
                            + section + " does not define: tools cannot tell how to authenticate and gateways"
                            + " generated from the spec reject or skip it; define the scheme or fix the name");
                } else if (scheme instanceof YMap sm && "oauth2".equals(sm.getText("type"))
                        && e.value() instanceof YSeq scopes) {
                    Set<String> defined = scopes(doc, sm);
                    for (YNode sc : scopes.items()) {
                        if (sc.text() != null && !defined.contains(sc.text())) {
                            ctx.report(sc.range(), "Scope " + sc.text() + " required by " + where + " is not among the"
                                    + " scopes " + name + " defines: clients cannot request it and the requirement can"
                                    + " never be met; define the scope or fix its name");
                        }
                    }
                }
            }
        }
    }
}
