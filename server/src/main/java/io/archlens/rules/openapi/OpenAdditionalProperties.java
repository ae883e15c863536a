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
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Request body objects that accept properties they do not declare (additionalProperties absent or true):
 * the door to mass assignment when the server binds the body onto an entity.
 */
public final class OpenAdditionalProperties implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/open-additional-properties",
            "Request object accepts undeclared properties", Severity.INFO, Category.SECURITY, FileKind.OPENAPI)
            .withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Map<YMap, Boolean> seen = new IdentityHashMap<>();
        PerOperation misses = new PerOperation();
        for (Operation op : doc.operations()) {
            for (YMap body : Oas.requestSchemas(doc, op)) {
                Oas.walk(doc, body, (schema, prop) -> {
                    if (!Oas.isObject(schema) || !schema.has("properties") || schema.has("allOf")
                            || schema.has("oneOf") || schema.has("anyOf") || seen.put(schema, Boolean.TRUE) != null) {
                        return;
                    }
                    YNode uneval = schema.get("unevaluatedProperties");
                    if (uneval instanceof YScalar u && u.value().equals("false")) {
                        return;
                    }
                    YEntry ap = schema.entry("additionalProperties");
                    if (ap != null && !(ap.value() instanceof YScalar s && s.value().equals("true"))) {
                        return; // false, or a schema for the extra values
                    }
                    YEntry at = schema.entry("type") != null ? schema.entry("type") : schema.entry("properties");
                    String msg = "This request object accepts properties it does not declare"
                            + (ap == null ? "" : " (additionalProperties: true)") + ": a client can send fields such"
                            + " as role or price and a framework binding the body onto an entity will set them (mass"
                            + " assignment); set additionalProperties: false";
                    Edit e = ap != null ? doc.edits().replaceScalar((YScalar) ap.value(), "false")
                            : doc.edits().insertEntries(schema, "additionalProperties: false");
                    misses.add(at.key().range(), op.label(), msg,
                            e == null ? null : Fix.unsafe("Set additionalProperties: false", e));
                });
            }
        }
        misses.report(ctx, "accept properties they do not declare: a client can send fields such as role or price"
                + " and a framework binding the body onto an entity sets them (mass assignment); close them with"
                + " additionalProperties: false (once in shared schemas where possible)", seen.size(),
                "request objects");
    }
}
