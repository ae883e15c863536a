package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Strict: object schemas anywhere in the spec that say {@code additionalProperties: true} (or
 * {@code unevaluatedProperties: true}), and maps (additionalProperties given as a schema) with no
 * {@code maxProperties}. {@code openapi/open-additional-properties} judges request objects in every profile; the
 * objects it reports are skipped here.
 */
public final class OpenObjectSchema implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/open-object-schema",
            "Object schema accepts any or unlimited extra properties", Severity.INFO, Category.SECURITY,
            FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        Set<YMap> requestReported = OpenAdditionalProperties.reportedSchemas(doc);
        List<YMap> objects = new ArrayList<>();
        SchemaMaps.forEach(doc, m -> {
            if (m.has("additionalProperties") || m.has("unevaluatedProperties")) {
                objects.add(m);
            }
        });
        objects.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
        PerOperation misses = new PerOperation();
        for (YMap s : objects) {
            if (requestReported.contains(s)) {
                continue;
            }
            for (String key : new String[] {"additionalProperties", "unevaluatedProperties"}) {
                YEntry e = s.entry(key);
                if (e == null) {
                    continue;
                }
                boolean any = e.value() instanceof YScalar v && v.value().equals("true")
                        || e.value() instanceof YMap m && m.entries().isEmpty();
                if (any) {
                    misses.add(e.key().range(), key, "This object schema says " + key + ": "
                            + (e.value() instanceof YScalar ? "true" : "{}") + " (accepts any undeclared property):"
                            + " clients can send fields such as role or price and a framework binding the body onto an entity sets them (mass assignment);"
                            + " set " + key + ": false, or describe the extra values and bound them (maxProperties)");
                } else if (e.value() instanceof YMap && !s.has("maxProperties")) {
                        misses.add(e.key().range(), key, "This map (" + key + " with a schema) has no maxProperties:"
                                + " a client can send any number of keys, each one parsed, validated and stored;"
                                + " give it a maxProperties");
                }
            }
        }
        misses.report(ctx, "accept any undeclared property or any number of map keys (no maxProperties); close"
                + " objects with additionalProperties: false and bound maps with maxProperties", objects.size(),
                "object schemas with additionalProperties or unevaluatedProperties");
    }
}
