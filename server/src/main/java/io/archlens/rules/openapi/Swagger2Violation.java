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

/** Constructs Swagger 2.0 does not have or forbids: anyOf/oneOf, formData without a form media type, a discriminator that is not a required property. */
public final class Swagger2Violation implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/swagger2-violation",
            "Construct is not valid in Swagger 2.0", Severity.ERROR, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        if (!doc.swagger2()) {
            return;
        }
        SchemaMaps.forEach(doc, m -> {
            for (String k : new String[] {"anyOf", "oneOf"}) {
                if (m.entry(k) != null) {
                    ctx.report(m.entry(k).key().range(), k + " does not exist in Swagger 2.0 (it came with OpenAPI 3):"
                            + " tools ignore it or reject the spec; use allOf/discriminator or migrate to OpenAPI 3");
                }
            }
            if (m.get("discriminator") instanceof YScalar d) {
                boolean defined = m.get("properties") instanceof YMap p && p.get(d.value()) != null;
                boolean required = m.get("required") instanceof YSeq r && r.items().stream()
                        .anyMatch(i -> d.value().equals(i.text()));
                if (!defined || !required) {
                    YEntry at = !defined ? m.entry("properties") : m.entry("required");
                    ctx.report(at != null ? at.key().range() : d.range(), "The discriminator " + d.value() + " must be "
                            + (defined ? "" : "a property of this schema and ") + "required: without it clients"
                            + " cannot tell which subtype a payload is");
                }
            }
        });
        YNode globalConsumes = doc.root().get("consumes");
        for (Operation op : doc.operations()) {
            YNode consumes = op.get("consumes") != null ? op.get("consumes") : globalConsumes;
            String c = consumes == null ? "" : String.valueOf(consumes instanceof YSeq s
                    ? s.items().stream().map(YNode::text).toList() : consumes.text());
            boolean form = c.contains("application/x-www-form-urlencoded") || c.contains("multipart/form-data");
            for (YMap p : doc.parameters(op)) {
                if ("formData".equals(p.getText("in")) && !form) {
                    ctx.report(op.methodRange(), op.label() + " has formData parameters but does not consume"
                            + " application/x-www-form-urlencoded or multipart/form-data: clients send them in a body"
                            + " the server does not expect; add the media type to consumes");
                    break;
                }
            }
        }
    }
}
