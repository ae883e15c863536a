package io.archlens.cli;

import static io.archlens.cli.Html.esc;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleDocs;
import io.archlens.analysis.RuleMeta;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's rule section: each reported rule once, with its bundled documentation page. */
final class HtmlRules {
    private HtmlRules() {
    }

    static void write(List<FileResult> results, RuleBook book, StringBuilder sb) {
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                first.putIfAbsent(f.ruleId(), f);
                counts.merge(f.ruleId(), 1, Integer::sum);
            }
        }
        if (first.isEmpty()) {
            return;
        }
        sb.append("<section id=\"rules\">\n<h2>Rules</h2>\n");
        first.keySet().stream().sorted().forEach(id -> {
            Finding f = first.get(id);
            RuleMeta meta = book.rule(id).orElse(null);
            sb.append("<article class=\"rule\" id=\"rule-").append(Html.id(id)).append("\">\n<h3><code>")
                    .append(esc(id)).append("</code>");
            if (meta != null) {
                sb.append(" ").append(esc(meta.title()));
            }
            sb.append("</h3>\n<p class=\"meta\">").append(CheckCommand.plural(counts.get(id), "finding"))
                    .append(" · ").append(esc(f.category().label())).append("</p>\n");
            String page = f.explanation() != null && !f.explanation().isBlank() ? f.explanation()
                    : RuleDocs.page(id).orElse(null);
            if (page != null) {
                // the page's own title line repeats the heading above
                sb.append(Html.markdown(page.strip().startsWith("# ") ? page.strip().replaceFirst("^# [^\n]*\n", "")
                        : page));
            } else {
                sb.append("<p>").append(esc(f.message())).append("</p>\n");
            }
            sb.append("</article>\n");
        });
        sb.append("</section>\n");
    }
}
