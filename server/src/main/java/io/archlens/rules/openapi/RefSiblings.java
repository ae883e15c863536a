package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YNode;

/** Keys written beside {@code $ref} in Swagger 2.0 / OpenAPI 3.0, where tools ignore them. */
public final class RefSiblings implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/ref-siblings",
            "Keys beside $ref are ignored", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        YNode v = doc.versionEntry() == null ? null : doc.versionEntry().value();
        String version = v == null ? "" : String.valueOf(v.text());
        if (doc.root() == null || !(doc.swagger2() || version.startsWith("3.0"))) {
            return; // 3.1 (JSON Schema 2020-12) gives $ref siblings their meaning
        }
        SchemaMaps.forEachMap(doc, m -> {
            if (m.get("$ref") == null || m.entries().size() < 2) {
                return;
            }
            for (YEntry e : m.entries()) {
                if (!"$ref".equals(e.keyText())) {
                    ctx.report(e.key().range(), e.keyText() + " beside $ref is ignored in OpenAPI " + version
                            + ": the referenced definition replaces the whole object; wrap it (allOf: [{$ref: ...}],"
                            + " plus the extra keys) or move the key into the referenced definition");
                }
            }
        });
    }
}
