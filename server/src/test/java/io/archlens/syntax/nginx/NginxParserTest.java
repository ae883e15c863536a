package io.archlens.syntax.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.CoreRules;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.core.TextRange;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NginxParserTest {
    private static Parsed<NginxConfig> parse(String s) {
        return NginxParser.parse(s);
    }

    private static String slice(String text, TextRange r) {
        return text.substring(r.start(), r.end());
    }

    @Test
    void directivesBlocksAndArgumentsHaveExactRanges() {
        String t = "http {\n    server {\n        listen 80 default_server;\n        location /api/ {\n"
                + "            proxy_pass http://api;\n        }\n    }\n}\n";
        Parsed<NginxConfig> p = parse(t);
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        NginxConfig cfg = p.model();
        assertEquals(NginxConfig.TopLevel.MAIN, cfg.topLevel());
        NginxDirective listen = cfg.named("listen").get(0);
        assertEquals("listen", slice(t, listen.nameRange()));
        assertEquals("80", slice(t, listen.arg(0).range()));
        assertEquals("default_server", slice(t, listen.arg(1).range()));
        assertEquals("listen 80 default_server;", slice(t, listen.range()));
        assertTrue(listen.terminated());
        NginxDirective loc = cfg.named("location").get(0);
        assertEquals("server", loc.parent().name());
        assertEquals("http", loc.enclosing("http").name());
        assertEquals(t.indexOf('{', t.indexOf("location")), loc.openBrace());
        assertEquals('}', t.charAt(loc.closeBrace()));
        assertEquals(1, loc.children("proxy_pass").size());
        assertEquals(List.of("http", "server", "listen", "location", "proxy_pass"),
                cfg.all().stream().map(NginxDirective::name).toList());
    }

    @Test
    void quotedStringsUnescapeAndKeepRawRanges() {
        String t = "add_header X-Msg \"say \\\"hi\\\"\\tnow\";\nlog_format main '$remote_addr \\'x\\'';\n";
        NginxConfig cfg = parse(t).model();
        NginxArg a = cfg.named("add_header").get(0).arg(1);
        assertEquals('"', a.quote());
        assertEquals("say \"hi\"\tnow", a.value());
        assertEquals("\"say \\\"hi\\\"\\tnow\"", slice(t, a.range()));
        assertEquals("say \\\"hi\\\"\\tnow", slice(t, a.contentRange()));
        NginxArg b = cfg.named("log_format").get(0).arg(1);
        assertEquals("$remote_addr 'x'", b.value());
    }

    @Test
    void variablesHaveExactRangesIncludingBracedForm() {
        String t = "return 301 https://${host}$request_uri?x=$arg_a_1;\n";
        NginxArg a = parse(t).model().named("return").get(0).arg(1);
        List<NginxArg.Variable> vars = a.variables();
        assertEquals(List.of("host", "request_uri", "arg_a_1"), vars.stream().map(NginxArg.Variable::name).toList());
        assertEquals("${host}", slice(t, vars.get(0).range()));
        assertTrue(vars.get(0).braced());
        assertEquals("$request_uri", slice(t, vars.get(1).range()));
        assertEquals("$arg_a_1", slice(t, vars.get(2).range()));
    }

    @Test
    void bracedVariableStaysInsideTheWord() {
        String t = "set $x ${host}suffix;\n";
        NginxDirective d = parse(t).model().named("set").get(0);
        assertEquals(2, d.argCount());
        assertEquals("${host}suffix", d.argValue(1));
    }

    @Test
    void positionsWithTabsCrlfEmojiAndCjk() {
        String t = "server {\r\n\tadd_header X-Note \"caf\u00e9 \ud83d\ude80 \u6f22\u5b57\";\r\n\tlisten\t8080;\r\n}\r\n";
        Parsed<NginxConfig> p = parse(t);
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        LineIndex li = LineIndex.of(t);
        NginxDirective h = p.model().named("add_header").get(0);
        assertEquals(new Position(1, 1), li.position(h.nameRange().start()));
        NginxArg note = h.arg(1);
        assertEquals("caf\u00e9 \ud83d\ude80 \u6f22\u5b57", note.value());
        // UTF-16 columns: the emoji is two code units
        assertEquals(new Position(1, 19), li.position(note.range().start()));
        assertEquals(new Position(1, 19 + 12), li.position(note.range().end()));
        NginxDirective listen = p.model().named("listen").get(0);
        assertEquals(new Position(2, 8), li.position(listen.arg(0).range().start()));
        assertEquals("8080", listen.argValue(0));
    }

    @Test
    void commentsOnlyAtTokenStart() {
        String t = "# top\nlocation ~ ^/a#b { # trailing\n  return 204; #done\n}\n";
        Parsed<NginxConfig> p = parse(t);
        assertTrue(p.issues().isEmpty());
        assertEquals(3, p.model().comments().size());
        assertEquals("# trailing", p.model().comments().get(1).text());
        assertEquals("^/a#b", p.model().named("location").get(0).argValue(1));
    }

    @Test
    void includesAreRecorded() {
        String t = "http {\n  include mime.types;\n  include /etc/nginx/conf.d/*.conf;\n}\n";
        List<NginxInclude> inc = parse(t).model().includes();
        assertEquals(2, inc.size());
        assertEquals("mime.types", inc.get(0).pattern());
        assertFalse(inc.get(0).glob());
        assertEquals("/etc/nginx/conf.d/*.conf", inc.get(1).pattern());
        assertTrue(inc.get(1).glob());
        assertEquals("*.conf", inc.get(1).fileName());
        assertEquals("http", inc.get(1).directive().parent().name());
    }

    @Test
    void luaBlocksAreSkippedWithBracesInStringsAndComments() {
        String t = "location / {\n  content_by_lua_block {\n    local t = { a = \"}\" } -- }\n"
                + "    local s = [[ } ]] --[==[ } ]==]\n    ngx.say('{')\n  }\n  return 204;\n}\n";
        Parsed<NginxConfig> p = parse(t);
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        NginxDirective lua = p.model().named("content_by_lua_block").get(0);
        assertNotNull(lua.rawBody());
        assertTrue(lua.children().isEmpty());
        assertEquals("location", p.model().named("return").get(0).parent().name());
    }

    @Test
    void topLevelContextOfSnippets() {
        assertEquals(NginxConfig.TopLevel.HTTP, parse("server { listen 80; }\n").model().topLevel());
        assertEquals(NginxConfig.TopLevel.SERVER, parse("location / { return 204; }\n").model().topLevel());
        assertEquals(NginxConfig.TopLevel.FRAGMENT, parse("proxy_set_header Host $host;\n").model().topLevel());
        assertEquals(NginxConfig.TopLevel.MAIN, parse("events {}\nhttp {}\n").model().topLevel());
    }

    private static ParseIssue only(Parsed<NginxConfig> p) {
        assertEquals(1, p.issues().size(), p.issues().toString());
        ParseIssue i = p.issues().get(0);
        assertEquals(CoreRules.SYNTAX_ERROR.id(), i.ruleId());
        return i;
    }

    @Test
    void unclosedBlockIsReportedAtItsBrace() {
        String t = "http {\n  server {\n    listen 80;\n";
        Parsed<NginxConfig> p = parse(t);
        assertEquals(2, p.issues().size());
        assertEquals(new TextRange(5, 6), p.issues().get(1).range());
        assertEquals(t.indexOf("{", 7), p.issues().get(0).range().start());
        assertEquals(1, p.model().named("listen").size());
        assertEquals(-1, p.model().named("server").get(0).closeBrace());
    }

    @Test
    void extraClosingBraceIsReportedAndIgnored() {
        String t = "server {\n  listen 80;\n}\n}\nserver_tokens off;\n";
        ParseIssue i = only(parse(t));
        assertEquals(new TextRange(t.lastIndexOf('}'), t.lastIndexOf('}') + 1), i.range());
        assertEquals(1, parse(t).model().named("server_tokens").size());
    }

    @Test
    void missingSemicolonBeforeBraceAndAtEof() {
        String t = "server {\n  listen 80\n}\nserver_tokens off";
        Parsed<NginxConfig> p = parse(t);
        assertEquals(2, p.issues().size());
        assertEquals("80", slice(t, p.issues().get(0).range()));
        assertEquals("off", slice(t, p.issues().get(1).range()));
        assertFalse(p.model().named("listen").get(0).terminated());
        assertEquals("off", p.model().named("server_tokens").get(0).argValue(0));
    }

    @Test
    void unterminatedQuoteIsReportedAndParsingResumesOnTheNextLine() {
        String t = "add_header X-A \"oops;\nlisten 80;\n";
        Parsed<NginxConfig> p = parse(t);
        ParseIssue i = only(p);
        assertEquals(new TextRange(t.indexOf('"'), t.indexOf('\n')), i.range());
        assertEquals(2, p.model().named("add_header").get(0).argCount());
        assertFalse(p.model().named("add_header").get(0).terminated());
        assertEquals("80", p.model().named("listen").get(0).argValue(0));
    }

    @Test
    void forgottenClosingQuoteIsReportedWhereItOpened() {
        String t = "add_header X-A \"oops;\nserver_name \"a.example.com\";\nlisten 80;\n";
        Parsed<NginxConfig> p = parse(t);
        ParseIssue i = only(p);
        assertEquals(t.indexOf('"'), i.range().start());
        assertEquals("a.example.com", p.model().named("server_name").get(0).argValue(0));
        assertEquals(1, p.model().named("listen").size());
    }

    @Test
    void realMultiLineStringsAreAccepted() {
        String t = "add_header Content-Security-Policy \"default-src 'self';\n    img-src *\" always;\n";
        Parsed<NginxConfig> p = parse(t);
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        assertEquals("always", p.model().named("add_header").get(0).argValue(2));
    }

    @Test
    void strayTokensAfterQuotesAndLoneSemicolons() {
        String t = "add_header X \"a\"b;\n;\n";
        Parsed<NginxConfig> p = parse(t);
        assertEquals(2, p.issues().size());
        assertEquals("b", slice(t, p.issues().get(0).range()));
        assertEquals(";", slice(t, p.issues().get(1).range()));
    }

    @Test
    void unclosedLuaBlockIsReported() {
        String t = "location / {\n  access_by_lua_block {\n    if x then\n";
        Parsed<NginxConfig> p = parse(t);
        assertEquals(2, p.issues().size());
        assertTrue(p.issues().stream().anyMatch(i -> i.message().contains("Lua")));
    }

    @Test
    void deepNestingDoesNotOverflow() {
        int depth = 100_000;
        String t = "a {".repeat(depth) + "x;" + "}".repeat(depth);
        Parsed<NginxConfig> p = parse(t);
        assertTrue(p.issues().isEmpty());
        assertEquals(depth + 1, p.model().all().size());
        NginxDirective x = p.model().named("x").get(0);
        assertEquals(depth + 1, x.depth());
    }

    @Test
    void manyUnterminatedQuotesStayLinear() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append("add_header X \"v").append(i).append('\n');
        }
        Parsed<NginxConfig> p = parse(sb.toString());
        assertEquals(50_000, p.issues().size());
        assertEquals(50_000, p.model().named("add_header").size());
    }

    @Test
    void hugeFileOfAbout5MbParses() {
        String server = "server {\n    listen 80;\n    server_name s.example.com;\n"
                + "    location /api/ {\n        proxy_pass http://api:8080;\n"
                + "        proxy_set_header Host $host;\n    }\n}\n";
        int copies = 5 * 1024 * 1024 / server.length();
        String t = "http {\n" + server.repeat(copies) + "}\n";
        Parsed<NginxConfig> p = parse(t);
        assertTrue(p.issues().isEmpty());
        assertEquals(copies, p.model().named("server").size());
        assertTrue(LineIndex.of(t).lineCount() > 100_000);
    }

    @Test
    void neverThrowsOnTruncationsOfARealConfig() {
        String t = "user nginx;\nevents { worker_connections 1024; }\nhttp {\n  map $http_upgrade $c { default upgrade;"
                + " '' close; }\n  upstream api { server api:8080; keepalive 16; }\n  server {\n"
                + "    listen 443 ssl;\n    location ~* \\.(js|css)$ { expires 1y; }\n"
                + "    location /api/ { proxy_pass http://api; if ($x) { return 403; } }\n"
                + "    content_by_lua_block { ngx.say(\"}\") }\n  }\n}\n";
        for (int i = 0; i <= t.length(); i++) {
            Parsed<NginxConfig> p = parse(t.substring(0, i));
            assertNotNull(p.model());
        }
    }

    @Test
    void neverThrowsOnRandomInput() {
        Random r = new Random(42);
        String alphabet = "ab {};\"'\\$#\n\r\t(-_lua_block";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(200);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            Parsed<NginxConfig> p = parse(sb.toString());
            assertNotNull(p.model());
            for (ParseIssue i : p.issues()) {
                assertTrue(i.range().end() <= sb.length());
            }
        }
    }

    @Test
    void emptyInput() {
        Parsed<NginxConfig> p = parse("");
        assertTrue(p.issues().isEmpty());
        assertTrue(p.model().all().isEmpty());
        assertNull(p.model().root().parent());
    }
}
