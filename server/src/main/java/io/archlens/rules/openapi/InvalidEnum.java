package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.Set;

/** Enum values that do not have the schema's type, or that are listed twice. */
public final class InvalidEnum implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/invalid-enum",
            "Enum value has the wrong type or is repeated", Severity.WARNING, Category.RELIABILITY,
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
        SchemaMaps.forEach(doc, m -> {
            if (!(m.get("enum") instanceof YSeq values)) {
                return;
            }
            String type = m.get("type") instanceof YScalar t ? t.value() : null;
            YNode nul = m.get(doc.swagger2() ? "x-nullable" : "nullable");
            boolean nullable = nul instanceof YScalar n && "true".equals(n.value());
            Set<String> seen = new HashSet<>();
            for (YNode v : values.items()) {
                if (!seen.add(key(v))) {
                    ctx.report(v.range(), "Enum value " + v.text() + " is listed twice: a duplicate usually hides a"
                            + " typo in another value; remove it");
                } else if (type != null && v instanceof YScalar s && !fits(s, type, nullable)) {
                    ctx.report(v.range(), "Enum value " + s.value() + " is not of the schema's type " + type
                            + ": no valid value can equal it, and generated enums fail to compile; fix the value or"
                            + " the type");
                }
            }
        });
    }

    private static String key(YNode v) {
        return v instanceof YScalar s ? (s.plain() ? "p:" : "q:") + s.value() : v.getClass().getSimpleName() + v.range();
    }

    static boolean fits(YScalar s, String type, boolean nullable) {
        String v = s.value();
        if (s.plain() && (v.equals("null") || v.equals("~"))) {
            return nullable;
        }
        boolean number = s.plain() && v.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
        return switch (type) {
            case "string" -> !s.plain() || !number && !v.equals("true") && !v.equals("false");
            case "integer" -> number && v.matches("-?\\d+");
            case "number" -> number;
            case "boolean" -> s.plain() && (v.equals("true") || v.equals("false"));
            default -> true;
        };
    }
}
