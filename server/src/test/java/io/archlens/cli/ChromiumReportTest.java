package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import io.archlens.config.Settings;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium loads it from a file, runs its script, and prints the DOM. The
 * DOM must hold the findings (escaped), the filter must have applied the link's filter, and the browser's console
 * must be silent: no script error, no request the page's Content-Security-Policy blocked. Skipped when no Chromium
 * is installed (.ci/run installs it; ARCHLENS_CHROMIUM names another binary).
 */
class ChromiumReportTest {
    @TempDir
    Path dir;

    private static final String PWN = "<script>document.documentElement.setAttribute('data-pwned','1')</script>";

    static Path chromium() {
        String named = System.getenv("ARCHLENS_CHROMIUM");
        if (named != null && !named.isBlank()) {
            return Files.isExecutable(Path.of(named)) ? Path.of(named) : null;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The DOM after load and the browser's console lines. */
    private record Loaded(String dom, List<String> console) {
    }

    private Loaded load(Path chromium, Path page, String fragment) throws Exception {
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri() + fragment)
                .redirectError(log.toFile()).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE")).toList();
        return new Loaded(new String(dom, StandardCharsets.UTF_8), console);
    }

    @Test
    void theBrowserShowsTheFindingsRunsTheFilterAndRequestsNothing() throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "no chromium on the PATH");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx:latest
                    depends_on: [api]
                  api:
                    image: "example/api:1.2"
                """);
        Path env = Files.createDirectories(dir.resolve("env"));
        Files.writeString(env.resolve(".env"), "A=" + PWN + " TODO\nB=FIXME\n");
        RuleBook book = RuleBook.loadDefault();
        BatchAnalyzer analyzer = new BatchAnalyzer(book, Settings.DEFAULTS, dir, (m, e) -> { });
        List<FileResult> results = new ArrayList<>(analyzer.analyze(List.of(dir.resolve("compose.yaml"))));
        results.addAll(ReportFixtures.withMessage(ReportFixtures.analyse(env, ReportFixtures.testBook()), PWN));
        String html = HtmlReport.render(new HtmlReport.Page("Chromium test", results, book,
                analyzer.lastCrossFile().projects(), "now"));
        Path page = dir.resolve("report.html");
        Files.writeString(page, html);

        Loaded loaded = load(chromium, page, "#off=severity:info");
        String dom = loaded.dom();
        assertEquals(List.of(), loaded.console(), "no script error, no blocked request");
        assertTrue(dom.contains("data-script=\"ran\""), "the script ran: " + dom);
        assertTrue(!dom.contains("data-pwned=\""), "nothing from the files ran");
        assertTrue(dom.contains("<form id=\"filters\">"), "the filters are shown");
        assertTrue(dom.contains("A=&lt;script&gt;document.documentElement.setAttribute('data-pwned','1')&lt;/script&gt; "
                + "<mark>TODO</mark>"), dom);
        assertTrue(dom.contains("data-severity=\"info\" data-kind=\"dotenv\" hidden=\"\""), "the info finding is hidden");
        assertTrue(dom.contains("data-severity=\"warning\" data-kind=\"dotenv\">"), "the warning is shown");
        assertTrue(dom.contains("compose/") && dom.contains("<svg"), "compose findings and the graph");
        int findings = dom.split("<li class=\"finding", -1).length - 1;
        int info = dom.split("data-severity=\"info\"", -1).length - 1;
        assertEquals(info, dom.split("data-severity=\"info\" data-kind=\"[a-z-]+\" hidden", -1).length - 1);
        assertTrue(dom.contains((findings - info) + " of " + findings + " findings shown"), dom);

        // the console check catches what it is meant to: a request and an inline script the policy blocks
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, html.replace("</main>", "</main><img src=\"http://127.0.0.1:9/x.png\">" + PWN));
        List<String> blocked = load(chromium, bad, "").console();
        assertTrue(blocked.stream().anyMatch(l -> l.contains("127.0.0.1:9")), String.join("\n", blocked));
        assertTrue(blocked.stream().anyMatch(l -> l.contains("inline script")), String.join("\n", blocked));
    }
}
