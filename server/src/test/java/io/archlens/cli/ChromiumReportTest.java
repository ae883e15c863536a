package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import io.archlens.config.Settings;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium loads it from a file, runs its script, prints the DOM and takes a
 * screenshot. The DOM must hold the findings (escaped), the link's filter and grouping must have applied, the graph
 * must be an SVG with the services and their findings marked; the screenshot must be a real picture with the badge's
 * colour in it. No request may leave the page: every request goes through a recording proxy on loopback, and the
 * console must be silent (no script error, no request the Content-Security-Policy blocked). Skipped when no Chromium
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

    /** The DOM after load (or nothing, for a screenshot), the browser's console lines, the requests that left it. */
    private record Loaded(String dom, List<String> console, List<String> requests) {
    }

    /**
     * Loads the page in headless Chromium with every request sent through a proxy on loopback that records it (and
     * answers 404): a request leaving the page, whatever its scheme or host, shows up in {@code requests}.
     */
    private Loaded load(Path chromium, Path page, String fragment, String... mode) throws Exception {
        Path log = dir.resolve("chromium.log");
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        try (java.net.ServerSocket proxy = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> record(proxy, requests), "proxy");
            t.setDaemon(true);
            t.start();
            List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-default-browser-check",
                    "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                    "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter",
                    "--proxy-server=http://127.0.0.1:" + proxy.getLocalPort(), "--proxy-bypass-list=<-loopback>",
                    "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                    "--window-size=1280,2000"));
            cmd.addAll(List.of(mode));
            cmd.add(page.toUri() + fragment);
            Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            byte[] dom = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
            List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(":CONSOLE")).toList();
            Thread.sleep(100);
            return new Loaded(new String(dom, StandardCharsets.UTF_8), console, List.copyOf(requests));
        }
    }

    /**
     * The browser's own service traffic (component updates, network time, accounts) that some Chromium builds send
     * whatever the flags: Google's hosts, never a page's request here (the negative controls below use other hosts).
     */
    private static final Pattern BROWSER_SERVICES = Pattern.compile(
            "^(?:GET|POST|CONNECT) (?:https?://)?[a-z0-9.-]*\\.(?:google\\.com|googleapis\\.com|gvt1\\.com)[:/]");

    private static void record(java.net.ServerSocket proxy, List<String> requests) {
        while (!proxy.isClosed()) {
            try (java.net.Socket s = proxy.accept()) {
                s.setSoTimeout(2000);
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1)).readLine();
                if (line != null && !BROWSER_SERVICES.matcher(line).find()) {
                    requests.add(line);
                }
                s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException e) {
                // closed, or a client that gave up
            }
        }
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

        Loaded loaded = load(chromium, page, "#off=severity:info", "--dump-dom");
        String dom = loaded.dom();
        assertEquals(List.of(), loaded.console(), "no script error, no blocked request");
        assertEquals(List.of(), loaded.requests(), "no request left the page");
        assertTrue(dom.contains("data-script=\"ran\""), "the script ran: " + dom);
        assertTrue(!dom.contains("data-pwned=\""), "nothing from the files ran");
        assertTrue(dom.contains("<form id=\"filters\">"), "the filters are shown");
        assertTrue(dom.contains("A=&lt;script&gt;document.documentElement.setAttribute('data-pwned','1')&lt;/script&gt; "
                + "<mark>TODO</mark>"), dom);
        assertTrue(Pattern.compile("data-severity=\"info\" data-kind=\"dotenv\"[^>]* hidden=\"\"").matcher(dom).find(),
                "the info finding is hidden");
        assertTrue(Pattern.compile("data-severity=\"warning\" data-kind=\"dotenv\"[^>]*\">").matcher(dom).find()
                && !Pattern.compile("data-severity=\"warning\" data-kind=\"dotenv\"[^>]*hidden").matcher(dom).find(),
                "the warning is shown");
        assertTrue(dom.contains("compose/"), "compose findings");
        int findings = dom.split("<li class=\"finding", -1).length - 1;
        int info = dom.split("data-severity=\"info\"", -1).length - 1;
        assertEquals(info, dom.split("data-severity=\"info\"[^>]* hidden", -1).length - 1);
        assertTrue(dom.contains((findings - info) + " of " + findings + " findings shown"), dom);
        // the graph rendered: a non-empty SVG with the services, web's findings marked on it
        String svg = dom.substring(dom.indexOf("<svg"), dom.indexOf("</svg>"));
        assertTrue(svg.contains(">web</text>") && svg.contains(">api</text>") && svg.contains("<rect"), svg);
        assertTrue(Pattern.compile("data-name=\"web\" data-findings=\"[1-9]\\d*\" data-worst=\"warning\"").matcher(svg)
                .find(), svg);

        // grouped by project (a link can ask for it): one group per project, every finding still there
        String grouped = load(chromium, page, "#group=project", "--dump-dom").dom();
        assertTrue(grouped.contains("<section id=\"findings\" data-group=\"project\">"), grouped);
        assertTrue(grouped.contains("<section class=\"file group\" data-project=\"(no project)\">"), grouped);
        assertTrue(Pattern.compile("<section class=\"file group\" data-project=\"Compose project[^\"]*\">")
                .matcher(grouped).find(), grouped);
        assertEquals(findings, grouped.split("<li class=\"finding", -1).length - 1);

        // the screenshot: a real picture (not one colour), with the warning colour of web's badge in it
        Path shot = dir.resolve("report.png");
        Loaded shown = load(chromium, page, "", "--screenshot=" + shot, "--hide-scrollbars");
        assertEquals(List.of(), shown.console());
        assertEquals(List.of(), shown.requests(), "no request left the page");
        assertTrue(Files.size(shot) > 20_000, "a non-trivial PNG: " + Files.size(shot));
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1280, img.getWidth());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        int badge = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (Math.abs((rgb >> 16) - 0xbc) < 12 && Math.abs((rgb >> 8 & 0xff) - 0x4c) < 12 && (rgb & 0xff) < 20) {
                    badge++;
                }
            }
        }
        assertTrue(colours.size() > 50, "pixel variety: " + colours.size() + " colours");
        assertTrue(badge > 20, "the warning badge and border are drawn: " + badge + " pixels");

        // the checks catch what they are meant to: a request and an inline script the policy blocks...
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, html.replace("</main>", "</main><img src=\"http://127.0.0.1:9/x.png\">" + PWN));
        List<String> blocked = load(chromium, bad, "", "--dump-dom").console();
        assertTrue(blocked.stream().anyMatch(l -> l.contains("127.0.0.1:9")), String.join("\n", blocked));
        assertTrue(blocked.stream().anyMatch(l -> l.contains("inline script")), String.join("\n", blocked));
        // ...and a request a page without that policy makes reaches the proxy
        Path open = dir.resolve("open.html");
        Files.writeString(open, "<!DOCTYPE html><p>x</p><img src=\"http://probe.archlens.invalid/x.png\">");
        List<String> sent = load(chromium, open, "", "--dump-dom").requests();
        assertTrue(sent.stream().anyMatch(l -> l.contains("probe.archlens.invalid")), sent.toString());
    }
}
