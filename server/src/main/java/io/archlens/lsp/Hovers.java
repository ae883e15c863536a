package io.archlens.lsp;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleDocs;
import io.archlens.config.Settings;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/** Hover text for the findings under the cursor: message, then the rule's explanation. */
final class Hovers {
    private static final Parser MD = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private Hovers() {
    }

    static String markdown(List<Finding> findings, Settings settings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (sb.length() > 0) {
                sb.append("\n\n---\n\n");
            }
            sb.append("**").append(f.ruleId()).append("** · ").append(f.severity().label()).append(" · ")
                    .append(f.category().label());
            if (!f.fromRuleBook()) {
                sb.append(" · from ").append(f.source());
            }
            sb.append("\n\n").append(f.message()).append("\n\n");
            String expl = RuleDocs.explanation(f);
            // the page's own title repeats the rule id; drop it
            if (expl.startsWith("# ")) {
                int nl = expl.indexOf('\n');
                expl = nl < 0 ? "" : expl.substring(nl + 1).strip();
            }
            sb.append(expl);
            if (f.fromRuleBook()) {
                sb.append("\n\n[Rule documentation](").append(settings.docsBaseUrl()).append(f.ruleId()).append(".md)");
            }
        }
        return sb.toString();
    }

    /** Both hovers' text in one, separated by a rule; the range is the first one's. */
    static Hover append(Hover first, Hover second) {
        MarkupContent a = first.getContents().getRight();
        MarkupContent b = second.getContents().getRight();
        String sep = MarkupKind.MARKDOWN.equals(a.getKind()) ? "\n\n---\n\n" : "\n\n";
        return new Hover(new MarkupContent(a.getKind(), a.getValue() + sep + b.getValue()), first.getRange());
    }

    static Hover hover(List<Finding> findings, LineIndex li, boolean markdown, Settings settings) {
        String md = markdown(findings, settings);
        TextRange r = findings.get(0).range();
        for (Finding f : findings) {
            r = r.union(f.range());
        }
        MarkupContent content = markdown ? new MarkupContent(MarkupKind.MARKDOWN, md)
                : new MarkupContent(MarkupKind.PLAINTEXT, PLAIN.render(MD.parse(md)).strip());
        return new Hover(content, Convert.range(li, r));
    }
}
