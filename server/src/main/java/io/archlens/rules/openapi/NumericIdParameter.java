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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/** Path and query parameters named like object ids ({@code id}, {@code order_id}, {@code orderId}) typed integer. */
public final class NumericIdParameter implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/numeric-id-parameter",
            "Object id in the URL is a guessable integer", Severity.INFO, Category.SECURITY, FileKind.OPENAPI);

    private static final Pattern ID = Pattern.compile("(?i:id)|.*(_id|-id|Id|ID)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        Set<YMap> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        PerOperation misses = new PerOperation();
        for (Operation op : doc.operations()) {
            for (YMap p : doc.parameters(op)) {
                String in = p.getText("in");
                String name = p.getText("name");
                if (!("path".equals(in) || "query".equals(in)) || name == null || !ID.matcher(name).matches()
                        || !seen.add(p)) {
                    continue;
                }
                YMap schema = doc.swagger2() ? p : doc.deref(p.get("schema")) instanceof YMap s ? s : null;
                if (schema != null && "integer".equals(Oas.type(schema)) && schema.entry("type") != null) {
                    misses.add(schema.entry("type").value().range(), op.label() + " " + name, "Parameter " + name
                            + " (" + in + ") is an integer id: ids handed out in sequence can be guessed by counting,"
                            + " so every access must check that the caller owns the object (OWASP API1, BOLA); random"
                            + " ids (UUIDs) make guessing impractical");
                }
            }
        }
        misses.report(ctx, "are integer ids: ids handed out in sequence can be guessed by counting, so every access"
                + " must check that the caller owns the object (OWASP API1, BOLA); random ids (UUIDs) make guessing"
                + " impractical", seen.size(), "id parameters");
    }
}
