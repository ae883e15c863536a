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
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict: every string schema of the spec (shared schemas, parameters, headers, responses) with no length limit.
 * {@code openapi/unbounded-string-input} judges request strings in every profile; this rule is the contract-wide
 * version for teams that generate validators from the whole spec, and skips the strings that rule reports.
 */
public final class UnboundedStringSchema implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/unbounded-string-schema",
            "String schema has no maximum length", Severity.INFO, Category.SECURITY, FileKind.OPENAPI);

    /** Formats whose values have a short fixed shape (a validator enforcing the format bounds the length). */
    private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "time", "uuid", "ulid", "ipv4",
            "ipv6", "int32", "int64", "full-date", "partial-time");
    /** An anchored pattern without {@code *}, {@code +} or an open {@code {n,}} repetition matches bounded strings. */
    private static final Pattern OPEN_REPEAT = Pattern.compile("[*+]|\\{\\d*,}");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        List<SchemaMaps.Typed> strings = SchemaMaps.ofType(doc, "string");
        Set<YMap> requestReported = UnboundedStringInput.reportedSchemas(doc);
        PerOperation misses = new PerOperation();
        for (SchemaMaps.Typed t : strings) {
            YMap s = t.schema();
            if (bounded(s) || requestReported.contains(s) || t.readOnly()) {
                continue;
            }
            boolean shaped = s.has("format") || s.has("pattern");
            YEntry at = s.entry("type");
            String name = t.key() == null ? "This string schema" : "String " + t.key();
            misses.add(at.key().range(), t.key() == null ? "string" : t.key(), name + " has no maxLength, enum or const"
                    + (shaped ? "" : " (nor format or pattern)") + ": validators generated from the contract accept"
                    + " values of any size, which end up in databases, logs and other systems; give it a maxLength");
        }
        misses.report(ctx, "have no maxLength, enum or const: validators generated from the contract accept values of"
                + " any size; bound them (a few shared string schemas with a maxLength, referenced everywhere, is the"
                + " usual fix)", strings.size(), "string schemas");
    }

    static boolean bounded(YMap s) {
        if (s.has("maxLength") || s.has("enum") || s.has("const") || s.has("$ref")) {
            return true;
        }
        String format = s.getText("format");
        if (format != null && BOUNDED_FORMATS.contains(format)) {
            return true;
        }
        String pattern = s.getText("pattern");
        if (pattern != null) {
            String p = pattern.strip().replaceAll("\\\\.", "x");
            return p.startsWith("^") && p.endsWith("$") && !OPEN_REPEAT.matcher(p).find();
        }
        return false;
    }
}
