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
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.Set;

/** Root tags declared twice, and operation tags the root {@code tags} list does not declare (when it exists). */
public final class InvalidTags implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/invalid-tags",
            "Tag is declared twice or not declared", Severity.WARNING, Category.RELIABILITY, FileKind.OPENAPI);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null || !(doc.root().get("tags") instanceof YSeq tags)) {
            return; // without a tag list, operation tags are free-form
        }
        Set<String> declared = new HashSet<>();
        for (YNode t : tags.items()) {
            if (t instanceof YMap m && m.get("name") != null && !declared.add(m.getText("name"))) {
                ctx.report(m.get("name").range(), "Tag " + m.getText("name") + " is declared twice: documentation"
                        + " tools show one of the descriptions, or two groups; merge them");
            }
        }
        for (Operation op : doc.operations()) {
            if (op.get("tags") instanceof YSeq s) {
                for (YNode t : s.items()) {
                    String name = t.text();
                    if (name != null && !declared.contains(name)) {
                        ctx.report(t.range(), op.label() + " uses tag " + name + ", which the root tags list does"
                                + " not declare: it renders as an undocumented group and often is a typo of a"
                                + " declared tag; declare it or fix the name");
                    }
                }
            }
        }
    }
}
