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

/** operationIds with characters that are not valid in a URL (they are used in links and generated names). */
public final class InvalidOperationId implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/invalid-operation-id",
            "operationId has characters not valid in a URL", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        for (Operation op : doc.operations()) {
            YNode id = op.get("operationId");
            if (id instanceof YScalar s && !URL_SAFE.matcher(s.value()).matches()) {
                ctx.report(s.range(), "operationId " + s.value() + " contains characters that are not valid in a URL"
                        + " (spaces, quotes, non-ASCII): documentation links and generated method names break;"
                        + " use letters, digits and - _ .");
            }
        }
    }
}
