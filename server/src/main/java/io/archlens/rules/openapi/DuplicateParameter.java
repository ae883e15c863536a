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
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** One parameters list declaring the same parameter (name and location) twice, or two request bodies in 2.0. */
public final class DuplicateParameter implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/duplicate-parameter",
            "Parameter is declared twice", Severity.ERROR, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Set<YSeq> done = new HashSet<>();
        for (Operation op : doc.operations()) {
            for (YNode list : new YNode[] {op.get("parameters"), op.pathItem().get("parameters")}) {
                if (!(list instanceof YSeq s) || !done.add(s)) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                boolean body = false;
                boolean formData = false;
                for (YNode p : s.items()) {
                    if (!(doc.deref(p) instanceof YMap pm) || pm.getText("name") == null) {
                        continue;
                    }
                    String in = pm.getText("in");
                    String name = pm.getText("name");
                    String key = in + ":" + ("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name);
                    if (!seen.add(key)) {
                        ctx.report(p.range(), "Parameter " + name + " (in: " + in + ") is declared twice in "
                                + op.label() + ": tools keep one of the two definitions, silently; remove one");
                    } else if ("body".equals(in) && body) {
                        ctx.report(p.range(), op.label() + " declares a second body parameter (" + name + "): an"
                                + " operation has one request body; merge them");
                    } else if ("body".equals(in) && formData || "formData".equals(in) && body) {
                        ctx.report(p.range(), op.label() + " declares both a body and formData parameters, which"
                                + " Swagger 2.0 forbids: the request can only be one of them");
                    }
                    body |= "body".equals(in);
                    formData |= "formData".equals(in);
                }
            }
        }
    }
}
