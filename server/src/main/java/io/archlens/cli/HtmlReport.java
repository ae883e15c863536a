package io.archlens.cli;

import static io.archlens.cli.Html.esc;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.config.Settings;
import io.archlens.model.GraphMarks;
import io.archlens.model.GraphSvg;
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
 * {@code archlens report}: one static HTML page with the summary, the service graph (findings marked on the
 * services they concern), the context in effect, the findings (grouped by file, severity, kind, project or rule) with
 * their source line, and the rules' explanations. Everything read from files is escaped; the page loads nothing (its
 * Content-Security-Policy allows no request and only its own script, by hash) and reads fine without script.
 */
final class HtmlReport {
    /** How many rules the summary's "top rules" table lists. */
    static final int TOP_RULES = 10;

    /** What the page shows; {@code generated} is a timestamp text (a test passes a fixed one). */
    record Page(String title, List<FileResult> results, RuleBook book, List<SystemModel> projects, String generated,
            Settings settings, String settingsFile) {
        Page(String title, List<FileResult> results, RuleBook book, List<SystemModel> projects, String generated) {
            this(title, results, book, projects, generated, Settings.DEFAULTS, null);
        }
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
        graph(page, sb);
        HtmlContext.write(page.settings(), page.settingsFile(), page.projects(), sb);
        HtmlFindings.filters(page.results(), sb);
        HtmlFindings.write(page.results(), HtmlFindings.projects(page.projects()), sb);
        HtmlRules.write(page.results(), page.book(), sb);
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

    private static void graph(Page page, StringBuilder sb) {
        List<SystemModel> projects = page.projects();
        sb.append("<section id=\"graph\">\n<h2>Service graph</h2>\n");
        if (!GraphSvg.drawable(projects)) {
            sb.append("<p>No service graph: no Compose service, Kubernetes workload or Service among these files.</p>\n")
                    .append("</section>\n");
            return;
        }
        List<GraphMarks.FileFindings> files = new ArrayList<>();
        for (FileResult r : page.results()) {
            if (r.analysis() != null && !r.findings().isEmpty()) {
                files.add(new GraphMarks.FileFindings(r.analysis().file().uri(), r.displayPath(),
                        r.analysis().file().text(), r.findings()));
            }
        }
        String mermaid = SystemGraph.mermaid(projects);
        sb.append(GraphSvg.html(projects, GraphMarks.of(projects, files)))
                .append("<details>\n<summary>Mermaid source (archlens graph)</summary>\n")
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
