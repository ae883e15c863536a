package io.archlens.cli;

import static io.archlens.cli.Html.esc;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.model.SystemModel;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's findings: the filter bar (severity and kind checkboxes, and the grouping: by file, severity, kind,
 * project or rule) and the findings, written grouped by file. Each finding carries its severity, kind, project, file
 * and rule as data attributes; the page's script regroups and filters them (without script: by file, unfiltered).
 */
final class HtmlFindings {
    /** The groupings the page offers; the first is how the page is written. */
    static final List<String> GROUPINGS = List.of("file", "severity", "kind", "project", "rule");
    /** The project of a file in no project of the system model. */
    static final String NO_PROJECT = "(no project)";

    private HtmlFindings() {
    }

    /** Checkboxes per severity and kind and the grouping; hidden until the script shows them. */
    static void filters(List<FileResult> results, StringBuilder sb) {
        sb.append("<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>\n");
        for (Severity s : Severity.values()) {
            checkbox(sb, "severity", s.label());
        }
        sb.append("</fieldset>\n<fieldset><legend>Kind</legend>\n");
        results.stream().filter(r -> r.kind() != null && !r.findings().isEmpty()).map(r -> r.kind().id())
                .distinct().sorted().forEach(k -> checkbox(sb, "kind", k));
        sb.append("</fieldset>\n<label>Group by <select id=\"group\" name=\"group\">\n");
        GROUPINGS.forEach(g -> sb.append("<option value=\"").append(g).append("\">").append(g).append("</option>\n"));
        sb.append("</select></label>\n<output id=\"shown\"></output>\n</form>\n");
    }

    private static void checkbox(StringBuilder sb, String name, String value) {
        sb.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" value=\"").append(esc(value))
                .append("\" checked> ").append(esc(value)).append("</label>\n");
    }

    /** The project each file belongs to, by URI: the first project of the system model holding facts of it. */
    static Function<String, String> projects(List<SystemModel> projects) {
        return uri -> {
            for (SystemModel m : projects) {
                if (m.file(uri) != null && !m.project().isEmpty()) {
                    return m.project();
                }
            }
            return NO_PROJECT;
        };
    }

    static void write(List<FileResult> results, Function<String, String> projectOf, StringBuilder sb) {
        sb.append("<section id=\"findings\" data-group=\"file\">\n<h2>Findings</h2>\n<div id=\"groups\">\n");
        boolean any = false;
        for (FileResult r : results) {
            if (r.analysis() == null || r.findings().isEmpty()) {
                continue;
            }
            any = true;
            String kind = esc(r.kind().id());
            Map<String, String> data = Map.of("kind", kind, "project",
                    esc(projectOf.apply(r.analysis().file().uri())), "file", esc(r.displayPath()));
            sb.append("<section class=\"file\" data-kind=\"").append(kind).append("\">\n<h3><span class=\"path\">")
                    .append(esc(r.displayPath())).append("</span> <span class=\"kind\">").append(kind)
                    .append("</span> <span class=\"n\">").append(CheckCommand.plural(r.findings().size(), "finding"))
                    .append("</span></h3>\n<ol>\n");
            LineIndex li = r.analysis().file().lines();
            for (Finding f : r.findings()) {
                finding(f, data, li, sb);
            }
            sb.append("</ol>\n</section>\n");
        }
        sb.append("</div>\n");
        if (!any) {
            sb.append("<p>No findings.</p>\n");
        }
        sb.append("</section>\n");
    }

    private static void finding(Finding f, Map<String, String> data, LineIndex li, StringBuilder sb) {
        String sev = f.severity().label();
        Position p = li.position(f.range().start());
        sb.append("<li class=\"finding sev-").append(sev).append("\" data-severity=\"").append(sev)
                .append("\" data-kind=\"").append(data.get("kind")).append("\" data-project=\"")
                .append(data.get("project")).append("\" data-file=\"").append(data.get("file"))
                .append("\" data-rule=\"").append(esc(f.ruleId())).append("\">\n<p class=\"head\"><span class=\"sev\">")
                .append(sev).append("</span> <a class=\"rule\" href=\"#rule-").append(Html.id(f.ruleId())).append("\">")
                .append(esc(f.ruleId())).append("</a> <span class=\"where\">").append(data.get("file"))
                .append("</span> <span class=\"loc\">line ").append(p.line() + 1).append(", column ")
                .append(p.displayColumn()).append("</span></p>\n<p class=\"msg\">").append(esc(f.message()))
                .append("</p>\n");
        SourceExcerpt x = SourceExcerpt.of(li, f);
        String text = x.text();
        int from = Math.min(x.from(), text.length());
        int to = Math.max(from, Math.min(x.to(), text.length()));
        String number = String.valueOf(x.line() + 1);
        sb.append("<pre class=\"src\"><span class=\"ln\">").append(number).append(" | </span>")
                .append(esc(text.substring(0, from))).append("<mark>").append(esc(text.substring(from, to)))
                .append("</mark>").append(esc(text.substring(to))).append("\n<span class=\"ln\">")
                .append(" ".repeat(number.length())).append(" | </span><span class=\"caret\" aria-hidden=\"true\">")
                .append(esc(x.pad())).append(x.carets()).append("</span></pre>\n");
        if (!f.fixes().isEmpty()) {
            sb.append("<p class=\"help\">help: ").append(esc(f.fixes().get(0).title()))
                    .append(f.fixes().get(0).safe() ? " (archlens check --fix)" : " (unsafe fix: --fix --unsafe-fixes)")
                    .append("</p>\n");
        }
        if (!f.related().isEmpty()) {
            sb.append("<ul class=\"related\">\n");
            f.related().forEach(rel -> sb.append("<li>").append(esc(shortUri(rel.uri()))).append(':')
                    .append(rel.start().line() + 1).append(": ").append(esc(rel.message())).append("</li>\n"));
            sb.append("</ul>\n");
        }
        sb.append("</li>\n");
    }

    private static String shortUri(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(slash + 1) : uri;
    }
}
