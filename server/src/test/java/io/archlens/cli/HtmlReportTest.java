package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code archlens report}: escaping, counts, grouping by file, rule pages, the graph, and a page that loads nothing. */
class HtmlReportTest {
    @TempDir
    Path dir;

    private static final String ODD = "a&<b>";

    private static String page(List<FileResult> results, RuleBook book) {
        return HtmlReport.render(new HtmlReport.Page("<t>", results, book, List.of(), "now"));
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    /** The finding items (li.finding) of one file's section. */
    private static String section(String html, String path) {
        int at = html.indexOf("<span class=\"path\">" + path);
        assertTrue(at > 0, path + " in " + html);
        return html.substring(at, html.indexOf("</section>", at));
    }

    @Test
    void everythingReadFromFilesIsText() throws Exception {
        Files.createDirectories(dir.resolve(ODD));
        Files.writeString(dir.resolve(ODD + "/.env"), "A=<script>alert(1)</script> TODO\nB=\"><img src=x onerror=alert(2)> FIXME\n");
        List<FileResult> results = ReportFixtures.withMessage(ReportFixtures.analyse(dir, ReportFixtures.testBook()),
                "</p><script>alert(3)</script>");
        String html = page(results, ReportFixtures.testBook());
        assertEquals(1, count(html, "<script"), "only the page's own script");
        assertTrue(!html.contains("<img"), html);
        assertTrue(html.contains("A=&lt;script&gt;alert(1)&lt;/script&gt; <mark>TODO</mark>"), html);
        assertTrue(html.contains("B=&quot;&gt;&lt;img src=x onerror=alert(2)&gt; <mark>FIXME</mark>"), html);
        assertEquals(2, count(html, "<p class=\"msg\">&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt;</p>"));
        assertTrue(html.contains("a&amp;&lt;b&gt;/.env"), "the path");
        assertTrue(html.contains("<title>&lt;t&gt;</title>"));
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\uFFFD", Html.esc("<a href=\"x\" title='y'>&\u0000"));
    }

    @Test
    void countsByGroupedFileAndTopRules() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\nB=TODO\nC=FIXME\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/.env"), "D=FIXME\n");
        Files.writeString(dir.resolve("sub/.env.local"), "E=1\n");
        List<FileResult> results = ReportFixtures.analyse(dir, ReportFixtures.testBook());
        String html = page(results, ReportFixtures.testBook());
        assertTrue(html.contains("4 problems (0 errors, 2 warnings, 2 info, 0 hints) in 3 files"), html);
        assertTrue(html.contains("id=\"count-error\">0<") && html.contains("id=\"count-warning\">2<")
                && html.contains("id=\"count-info\">2<") && html.contains("id=\"count-hint\">0<"), html);
        assertTrue(html.contains("<tr><td>dotenv</td><td>3</td><td>4</td></tr>"), "by kind: " + html);
        assertTrue(html.contains("<tr><td>2</td><td><a href=\"#rule-test-todo\">test/todo</a></td><td>TODO left</td>"),
                "top rules: " + html);
        assertEquals(2, count(html, "<section class=\"file\""), "a section per file with findings");
        String first = section(html, ".env");
        assertEquals(3, count(first, "<li class=\"finding"));
        assertEquals(2, count(first, "data-severity=\"warning\""));
        assertTrue(first.indexOf("line 1, column 3") < first.indexOf("line 2, column 3")
                && first.indexOf("line 2, column 3") < first.indexOf("line 3, column 3"), "in line order");
        assertTrue(first.contains("help: Write DONE"));
        assertEquals(1, count(section(html, "sub/.env"), "<li class=\"finding sev-info\""));
        assertTrue(!html.contains("sub/.env.local"), "a clean file has no section");
        assertTrue(html.contains("value=\"dotenv\" checked") && html.contains("value=\"hint\" checked"), "filters");
        assertTrue(html.contains("<article class=\"rule\" id=\"rule-test-fixme\">"), "the rules section");
        assertTrue(html.contains("<form id=\"filters\" hidden>"), "filters appear only with script");
    }

    @Test
    void thePageLoadsNothingAndAllowsOnlyItsOwnScript() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\n");
        String html = page(ReportFixtures.analyse(dir, ReportFixtures.testBook()), ReportFixtures.testBook());
        Matcher csp = Pattern.compile("script-src '(sha256-[A-Za-z0-9+/=]+)'").matcher(html);
        assertTrue(csp.find(), html);
        String script = html.substring(html.indexOf("<script>") + 8, html.indexOf("</script>"));
        assertEquals(HtmlReport.sha256(script), csp.group(1));
        assertTrue(html.contains("default-src 'none'"));
        for (String external : List.of(" src=", "<link", "@import", "url(", "http:", "https:")) {
            assertTrue(!html.replace("http://www.w3.org/2000/svg", "").contains(external), external);
        }
    }

    @Test
    void realRulesBringTheirPagesAndTheGraph() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx:latest
                    depends_on: [api]
                  api:
                    image: "example/api:1.2"
                    environment:
                      DATABASE_URL: postgres://app@db:5432/app
                  db:
                    image: postgres:16
                """);
        ReportCommand cmd = new ReportCommand();
        cmd.generated = "now";
        Path out = dir.resolve("out/nested/report.html");
        CliRun r = CliRun.of(cmd, dir.toString(), "-o", out.toString(), "--profile", "strict");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("archlens: wrote " + out), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("<div class=\"archlens-graph\">") && html.contains(">web</text>")
                && html.contains(">api</text>") && html.contains(">postgres :5432</text>"), html);
        // web's latest tag is marked on web: a count badge, the worst severity's colour, the list in the tooltip
        Matcher web = Pattern.compile("<g class=\"node box g0 worst-(\\w+)\" data-name=\"web\" data-findings=\"(\\d+)\""
                + " data-worst=\"\\1\"><title>([^<]*)</title>").matcher(html);
        assertTrue(web.find(), html);
        assertTrue(web.group(3).contains("compose/unpinned-image") && web.group(3).contains("compose.yaml:3)"),
                web.group(3));
        assertEquals(count(html.substring(html.indexOf("<section id=\"findings\"")), "compose.yaml\" data-rule="),
                Pattern.compile("data-findings=\"(\\d+)\"").matcher(html).results()
                        .mapToInt(m -> Integer.parseInt(m.group(1))).sum(), "each compose finding on one service");
        assertTrue(html.contains("<dt>profile</dt><dd>strict</dd>"), "the context in effect");
        assertTrue(html.contains("flowchart LR"), "the Mermaid source");
        assertTrue(html.contains("<h4>What to do</h4>") || html.contains("<h4>How to fix</h4>"), "a rule page");
        assertTrue(!html.contains("<h4>" + "docker/") && html.contains("<pre class=\"code\">"), html);
    }

    @Test
    void optionsAreCheckOptions() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\nB=FIXME\n");
        Path out = dir.resolve("r.html");
        ReportCommand cmd = new ReportCommand();
        cmd.book = ReportFixtures.testBook();
        assertEquals(0, CliRun.of(cmd, dir.toString(), "-o", out.toString(), "--select", "test/fixme").code());
        String html = Files.readString(out);
        assertEquals(1, count(html, "<li class=\"finding"), html);
        assertTrue(html.contains("test/fixme") && !html.contains("test/todo"));
        assertEquals(2, CliRun.of(new ReportCommand(), dir.toString(), "-o", out.toString(), "--profile", "paranoid")
                .code());
        assertEquals(2, CliRun.of(new ReportCommand(), dir.resolve("missing").toString()).code());
        assertEquals("archlens-report.html", new CommandLine(new ReportCommand()).getCommandSpec().findOption("-o")
                .defaultValue());
        Path viaOut = dir.resolve("out.html");
        ReportCommand named = new ReportCommand();
        named.book = ReportFixtures.testBook();
        assertEquals(0, CliRun.of(named, dir.toString(), "--out", viaOut.toString()).code());
        assertTrue(Files.exists(viaOut));
        String md = Html.markdown("# t\n\nUse `<b>` and **x**, see [docs](../a.md).\n\n- one\n  more\n- two\n\n```yaml\n"
                + "a: <c>\n```\n## Why\ntext");
        assertEquals("<h4>t</h4>\n<p>Use <code>&lt;b&gt;</code> and <strong>x</strong>, see docs.</p>\n<ul>\n"
                + "<li>one more</li>\n<li>two</li>\n</ul>\n<pre class=\"code\">a: &lt;c&gt;\n</pre>\n<h4>Why</h4>\n"
                + "<p>text</p>\n", md);
    }

    @Test
    void theContextInEffect() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\n");
        Files.writeString(dir.resolve(".archlens.yml"), """
                profile: essential
                context:
                  stage: production
                  requests-per-second: 300
                  database: {engine: postgres, version: "11.22"}
                  region: <eu>
                rules:
                  test/todo: info
                ignore: ["vendor/**"]
                """);
        ReportCommand cmd = new ReportCommand();
        cmd.book = ReportFixtures.testBook();
        Path out = dir.resolve("r.html");
        CliRun r = CliRun.of(cmd, dir.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        String ctx = html.substring(html.indexOf("<section id=\"context\">"));
        ctx = ctx.substring(0, ctx.indexOf("</section>"));
        for (String item : List.of("<dt>profile</dt><dd>essential</dd>", "<dt>stage</dt><dd>production</dd>",
                "<dt>requests per second</dt><dd>300</dd>", "<dt>database engine</dt><dd>postgres</dd>",
                "<dt>database version</dt><dd>11</dd>", "<dt>replicas</dt><dd class=\"unset\">not set</dd>",
                "<dt>other context</dt><dd>region: &lt;eu&gt;</dd>", "<td><code>test/todo</code></td><td>info</td>",
                "<dt>ignored paths</dt><dd>vendor/**</dd>", ".archlens.yml</dd>")) {
            assertTrue(ctx.contains(item), item + " in " + ctx);
        }
        // --profile overrides the file's, and the page says which one ran
        CliRun strict = CliRun.of(cmd, dir.toString(), "--out", out.toString(), "--profile", "strict");
        assertEquals(0, strict.code(), strict.err());
        assertTrue(Files.readString(out).contains("<dt>profile</dt><dd>strict</dd>"));
        String none = HtmlReport.render(new HtmlReport.Page("t", List.of(), ReportFixtures.testBook(), List.of(), "now"));
        assertTrue(none.contains("<dt>settings file</dt><dd>none: the defaults</dd>")
                && none.contains("<dt>profile</dt><dd>recommended</dd>"), none);
    }

    @Test
    void findingsCarryWhatTheGroupingsNeed() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\nB=FIXME\n");
        List<FileResult> results = ReportFixtures.analyse(dir, ReportFixtures.testBook());
        String html = page(results, ReportFixtures.testBook());
        for (String g : HtmlFindings.GROUPINGS) {
            assertTrue(html.contains("<option value=\"" + g + "\">"), g);
        }
        assertTrue(html.contains("data-severity=\"warning\" data-kind=\"dotenv\" data-project=\"(no project)\""
                + " data-file=\".env\" data-rule=\"test/todo\""), html);
        assertTrue(html.contains("<section id=\"findings\" data-group=\"file\">"), "written grouped by file");
    }

    /** check and report take the analysis options from one definition: same names, same descriptions. */
    @Test
    void reportAndCheckShareOneOptionDefinition() {
        CommandLine.Model.CommandSpec check = new CommandLine(new CheckCommand()).getCommandSpec();
        CommandLine.Model.CommandSpec report = new CommandLine(new ReportCommand()).getCommandSpec();
        CommandLine.Model.CommandSpec shared = CommandLine.Model.CommandSpec.forAnnotatedObject(new AnalysisOptions());
        assertTrue(shared.options().size() >= 8, "config, profile, no-hints, baseline, changed-since, select...");
        for (CommandLine.Model.OptionSpec o : shared.options()) {
            for (CommandLine.Model.CommandSpec c : List.of(check, report)) {
                CommandLine.Model.OptionSpec mine = c.findOption(o.longestName());
                assertTrue(mine != null, c.name() + " lacks " + o.longestName());
                assertEquals(List.of(o.description()), List.of(mine.description()), o.longestName());
                assertEquals(List.of(o.names()), List.of(mine.names()));
            }
        }
        assertEquals(shared.positionalParameters().get(0).paramLabel(), check.positionalParameters().get(0).paramLabel());
        assertEquals(shared.positionalParameters().get(0).paramLabel(), report.positionalParameters().get(0).paramLabel());
        // what report has beyond the shared options is its own (no copy of a check option to drift)
        List<String> own = report.options().stream().map(CommandLine.Model.OptionSpec::longestName)
                .filter(n -> shared.findOption(n) == null).sorted().toList();
        assertEquals(List.of("--help", "--output", "--title", "--version"), own);
        assertTrue(check.mixins().containsKey("options") && report.mixins().containsKey("options"));
    }
}
