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
import io.archlens.syntax.yaml.YScalar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

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

    /** The request objects this rule reports, for the strict {@code openapi/open-object-schema}. */
    static Set<YMap> reportedSchemas(OpenApiDoc doc) {
        Set<YMap> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Operation op : doc.operations()) {
            for (YMap body : Oas.requestSchemas(doc, op)) {
                Oas.walk(doc, body, (schema, prop) -> {
                    if (open(schema)) {
                        out.add(schema);
                    }
                });
            }
        }
        return out;
    }

    /** A request object with declared properties that accepts undeclared ones (additionalProperties absent/true). */
    private static boolean open(YMap schema) {
        if (!candidate(schema)) {
            return false;
        }
        if (schema.get("unevaluatedProperties") instanceof YScalar u && u.value().equals("false")) {
            return false;
        }
        YEntry ap = schema.entry("additionalProperties");
        return ap == null || ap.value() instanceof YScalar s && s.value().equals("true");
    }

    private static boolean candidate(YMap schema) {
        return Oas.isObject(schema) && schema.has("properties") && !schema.has("allOf") && !schema.has("oneOf")
                && !schema.has("anyOf");
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Map<YMap, Boolean> seen = new IdentityHashMap<>();
        PerOperation misses = new PerOperation();
        for (Operation op : doc.operations()) {
            for (YMap body : Oas.requestSchemas(doc, op)) {
                Oas.walk(doc, body, (schema, prop) -> {
                    if (!candidate(schema) || seen.put(schema, Boolean.TRUE) != null || !open(schema)) {
                        return; // not a request object, seen, or closed (false, or a schema for the extra values)
                    }
                    YEntry ap = schema.entry("additionalProperties");
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
