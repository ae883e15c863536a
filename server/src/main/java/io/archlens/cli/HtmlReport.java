package io.archlens.cli;

import static io.archlens.cli.Html.esc;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleDocs;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.model.SystemGraph;
import io.archlens.model.SystemModel;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code archlens report}: one static HTML page with the summary, the findings by file with their source line, the
 * rules' explanations and the service graph. Everything read from files is escaped; the page loads nothing (its
 * Content-Security-Policy allows no request and only its own script, by hash) and reads fine without script.
 */
final class HtmlReport {
    /** How many rules the summary's "top rules" table lists. */
    static final int TOP_RULES = 10;

    /** What the page shows; {@code generated} is a timestamp text (a test passes a fixed one). */
    record Page(String title, List<FileResult> results, RuleBook book, List<SystemModel> projects, String generated) {
    }

    private HtmlReport() {
    }

    static String render(Page page) {
        String css = resource("report.css");
        String js = resource("report.js");
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src")
                .append(" 'unsafe-inline'; img-src data:; script-src '").append(sha256(js))
                .append("'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(page.title())).append("</title>\n<style>\n").append(css)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(page.title())).append("</h1>\n")
                .append("<p class=\"meta\">").append(esc(page.generated())).append(" · ArchLens ")
                .append(esc(io.archlens.Version.get())).append("</p>\n</header>\n<main>\n");
        summary(page, sb);
        filters(page.results(), sb);
        files(page.results(), sb);
        HtmlRules.write(page.results(), page.book(), sb);
        graph(page.projects(), sb);
        skipped(page.results(), sb);
        sb.append("</main>\n<script>").append(js).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void summary(Page page, StringBuilder sb) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, Integer> byRule = new LinkedHashMap<>();
        int files = 0;
        int skipped = 0;
        for (FileResult r : page.results()) {
            if (r.analysis() == null) {
                skipped++;
                continue;
            }
            files++;
            int[] k = byKind.computeIfAbsent(r.kind().id(), x -> new int[2]);
            k[0]++;
            for (Finding f : r.findings()) {
                counts.merge(f.severity(), 1, Integer::sum);
                byRule.merge(f.ruleId(), 1, Integer::sum);
                k[1]++;
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        sb.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"total\">")
                .append(esc(TextReport.summary(total, counts, files, skipped))).append("</p>\n<ul class=\"counts\">\n");
        for (Severity s : Severity.values()) {
            sb.append("<li class=\"sev-").append(s.label()).append("\"><span class=\"n\" id=\"count-").append(s.label())
                    .append("\">").append(counts.getOrDefault(s, 0)).append("</span> ").append(s.label())
                    .append("</li>\n");
        }
        sb.append("</ul>\n<div class=\"tables\">\n<table class=\"kinds\">\n<caption>By kind</caption>\n")
                .append("<tr><th>kind</th><th>files</th><th>findings</th></tr>\n");
        byKind.forEach((kind, c) -> sb.append("<tr><td>").append(esc(kind)).append("</td><td>").append(c[0])
                .append("</td><td>").append(c[1]).append("</td></tr>\n"));
        sb.append("</table>\n<table class=\"rules\">\n<caption>Top rules</caption>\n")
                .append("<tr><th>findings</th><th>rule</th><th>title</th></tr>\n");
        byRule.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(TOP_RULES).forEach(e -> {
            String title = page.book().rule(e.getKey()).map(RuleMeta::title).orElse("");
            sb.append("<tr><td>").append(e.getValue()).append("</td><td><a href=\"#rule-").append(Html.id(e.getKey()))
                    .append("\">").append(esc(e.getKey())).append("</a></td><td>").append(esc(title))
                    .append("</td></tr>\n");
        });
        sb.append("</table>\n</div>\n</section>\n");
    }

    /** Checkboxes per severity and kind; hidden until the script shows them (without script they do nothing). */
    private static void filters(List<FileResult> results, StringBuilder sb) {
        sb.append("<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>\n");
        for (Severity s : Severity.values()) {
            checkbox(sb, "severity", s.label());
        }
        sb.append("</fieldset>\n<fieldset><legend>Kind</legend>\n");
        results.stream().filter(r -> r.kind() != null && !r.findings().isEmpty()).map(r -> r.kind().id())
                .distinct().sorted().forEach(k -> checkbox(sb, "kind", k));
        sb.append("</fieldset>\n<output id=\"shown\"></output>\n</form>\n");
    }

    private static void checkbox(StringBuilder sb, String name, String value) {
        sb.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" value=\"").append(esc(value))
                .append("\" checked> ").append(esc(value)).append("</label>\n");
    }

    private static void files(List<FileResult> results, StringBuilder sb) {
        sb.append("<section id=\"findings\">\n<h2>Findings by file</h2>\n");
        boolean any = false;
        for (FileResult r : results) {
            if (r.analysis() == null || r.findings().isEmpty()) {
                continue;
            }
            any = true;
            String kind = esc(r.kind().id());
            sb.append("<section class=\"file\" data-kind=\"").append(kind).append("\">\n<h3><span class=\"path\">")
                    .append(esc(r.displayPath())).append("</span> <span class=\"kind\">").append(kind)
                    .append("</span> <span class=\"n\">").append(CheckCommand.plural(r.findings().size(), "finding"))
                    .append("</span></h3>\n<ol>\n");
            LineIndex li = r.analysis().file().lines();
            for (Finding f : r.findings()) {
                finding(f, kind, li, sb);
            }
            sb.append("</ol>\n</section>\n");
        }
        if (!any) {
            sb.append("<p>No findings.</p>\n");
        }
        sb.append("</section>\n");
    }

    private static void finding(Finding f, String kind, LineIndex li, StringBuilder sb) {
        String sev = f.severity().label();
        Position p = li.position(f.range().start());
        sb.append("<li class=\"finding sev-").append(sev).append("\" data-severity=\"").append(sev)
                .append("\" data-kind=\"").append(kind).append("\">\n<p class=\"head\"><span class=\"sev\">")
                .append(sev).append("</span> <a class=\"rule\" href=\"#rule-").append(Html.id(f.ruleId())).append("\">")
                .append(esc(f.ruleId())).append("</a> <span class=\"loc\">line ").append(p.line() + 1).append(", column ")
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

    private static void graph(List<SystemModel> projects, StringBuilder sb) {
        String mermaid = SystemGraph.mermaid(projects);
        sb.append("<section id=\"graph\">\n<h2>System graph</h2>\n");
        if (!mermaid.contains("subgraph")) {
            sb.append("<p>No Compose service, Kubernetes workload or Service found.</p>\n</section>\n");
            return;
        }
        sb.append(HtmlGraph.svg(mermaid)).append("<details>\n<summary>Mermaid source (archlens graph)</summary>\n")
                .append("<pre class=\"code\">").append(esc(mermaid)).append("</pre>\n</details>\n</section>\n");
    }

    private static void skipped(List<FileResult> results, StringBuilder sb) {
        List<FileResult> skipped = new ArrayList<>();
        results.stream().filter(r -> r.skip() != null).forEach(skipped::add);
        if (skipped.isEmpty()) {
            return;
        }
        sb.append("<section id=\"skipped\">\n<h2>Skipped files</h2>\n<ul>\n");
        skipped.forEach(r -> sb.append("<li>").append(esc(r.displayPath())).append(": ").append(esc(r.skip().detail()))
                .append(" [").append(esc(r.skip().code())).append("]</li>\n"));
        sb.append("</ul>\n</section>\n");
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream("/archlens/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource archlens/report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSP source for an inline script: its SHA-256, base64. */
    static String sha256(String script) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
