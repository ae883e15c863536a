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

/**
 * Operations whose error responses all lack a shared schema: no body, or an inline one, instead of a $ref to
 * a common error model (or a shared response component).
 */
public final class NoSharedErrorSchema implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/no-shared-error-schema",
            "Error responses do not use a shared error schema", Severity.INFO, Category.MAINTAINABILITY,
            FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        PerOperation misses = new PerOperation();
        int withErrors = 0;
        for (Operation op : doc.operations()) {
            boolean anyError = false;
            boolean shared = false;
            for (YEntry r : Oas.responses(op)) {
                if (!Oas.isError(r.keyText())) {
                    continue;
                }
                anyError = true;
                if (r.value() instanceof YMap rm && rm.has("$ref")) {
                    shared = true;
                    continue;
                }
                for (YNode s : Oas.rawResponseSchemas(doc, r.value())) {
                    if (s instanceof YMap sm && (sm.has("$ref") || refItems(sm))) {
                        shared = true;
                    }
                }
            }
            withErrors += anyError ? 1 : 0;
            if (anyError && !shared) {
                misses.add(op.map().entry("responses").key().range(), op.label(), op.label() + " describes its errors"
                        + " without a shared schema: each endpoint then invents its own error shape and clients need"
                        + " special cases; reference one error model (e.g. RFC 9457 problem+json) from every error"
                        + " response");
            }
        }
        misses.report(ctx, "describe their errors without a shared schema: each endpoint invents its own error shape"
                + " and clients need special cases; define one error model (e.g. RFC 9457 problem+json) in components"
                + " and reference it from every error response", withErrors, "operations documenting errors");
    }

    private static boolean refItems(YMap schema) {
        return schema.get("allOf") != null || schema.get("oneOf") != null;
    }
}
