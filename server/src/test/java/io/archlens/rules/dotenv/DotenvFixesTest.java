package io.archlens.rules.dotenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import io.archlens.syntax.dotenv.DotenvParser;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Before/after for every .env quick fix; results must re-parse cleanly with the intended keys and values. */
class DotenvFixesTest {
    private static SourceFile src(String path, String text) {
        return Fixtures.source(path, text, FileKind.DOTENV);
    }

    private static List<Finding> findings(String path, String text, String ruleId) {
        return Fixtures.analyze(src(path, text)).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static String fix(String path, String text, String ruleId, String titlePart) {
        return Fixtures.applyFix(src(path, text), ruleId, titlePart);
    }

    private static DotenvFile parseClean(String text) {
        DotenvFile f = DotenvParser.parse(text).model();
        assertTrue(f.invalidLines().isEmpty(), "invalid lines after fix: " + f.invalidLines());
        for (DotenvEntry e : f.entries()) {
            assertEquals(DotenvEntry.QuoteProblem.NONE, e.problem(), "quote problem after fix in " + e.key());
        }
        return f;
    }

    @Test
    void spacesAroundEqualsAreRemoved() {
        String fixed = fix(".env", "APP_NAME = shop\nTITLE =   \"My Shop\"\n", "env/spaces-around-equals", null);
        assertEquals("APP_NAME=shop\nTITLE =   \"My Shop\"\n", fixed);
        String all = Fixtures.fixAll(src(".env", "APP_NAME = shop\nTITLE =   \"My Shop\"\nPORT= 80\n"));
        assertEquals("APP_NAME=shop\nTITLE=\"My Shop\"\nPORT=80\n", all);
        DotenvFile f = parseClean(all);
        assertEquals("My Shop", f.entries().get(1).value());
        assertTrue(findings(".env", all, "env/spaces-around-equals").isEmpty());
    }

    @Test
    void aFileWrittenKeyEqualsValueThroughoutIsOneFindingWithOneFix() {
        String text = "A = 1\nB = 2\nC = 3\nD = 4\nE = 5\nF=6\n";
        var fs = findings(".env", text, "env/spaces-around-equals");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().startsWith("5 entries are written KEY = value"), fs.get(0).message());
        assertEquals(4, fs.get(0).related().size());
        assertEquals("A=1\nB=2\nC=3\nD=4\nE=5\nF=6\n", fix(".env", text, "env/spaces-around-equals", null));
    }

    @Test
    void spacesFixKeepsCrlf() {
        assertEquals("A=1\r\nB=2\r\n", Fixtures.fixAll(src(".env", "A = 1\r\nB=2\r\n")));
    }

    @Test
    void lowercaseKeyIsUppercasedAsAnUnsafeFix() {
        String text = "export logLevel=info\n";
        Finding f = findings(".env", text, "env/lowercase-key").get(0);
        assertFalse(f.fixes().get(0).safe());
        String fixed = fix(".env", text, "env/lowercase-key", null);
        assertEquals("export LOGLEVEL=info\n", fixed);
        assertEquals("LOGLEVEL", parseClean(fixed).entries().get(0).key());
    }

    @Test
    void duplicateKeyOffersTwoUnsafeRemovals() {
        String text = "PORT=8080\nLOG=info\nPORT=9090\n";
        Finding f = findings(".env", text, "env/duplicate-key").get(0);
        assertEquals(2, f.fixes().size());
        assertTrue(f.fixes().stream().noneMatch(Fix::safe));
        String keepFirst = fix(".env", text, "env/duplicate-key", "Remove this line");
        assertEquals("PORT=8080\nLOG=info\n", keepFirst);
        String keepLast = fix(".env", text, "env/duplicate-key", "earlier");
        assertEquals("LOG=info\nPORT=9090\n", keepLast);
        assertTrue(findings(".env", keepLast, "env/duplicate-key").isEmpty());
        assertEquals("9090", parseClean(keepLast).entries().get(1).value());
    }

    @Test
    void duplicateRemovalTakesAWholeMultiLineValue() {
        String text = "KEY=\"a\nb\"\nKEY=c\n";
        assertEquals("KEY=c\n", fix(".env", text, "env/duplicate-key", "earlier"));
    }

    @Test
    void exampleSecretBecomesAPlaceholder() {
        String text = "STRIPE_SECRET_KEY=sk_live_51Hq8ZKLmN3pQ7rS2tV9wXy4\n";
        Finding f = findings(".env.example", text, "env/example-has-secret").get(0);
        assertTrue(f.fixes().get(0).safe());
        String fixed = fix(".env.example", text, "env/example-has-secret", null);
        assertEquals("STRIPE_SECRET_KEY=your_stripe_secret_key_here\n", fixed);
        assertTrue(findings(".env.example", fixed, "env/example-has-secret").isEmpty());
        parseClean(fixed);
    }

    @Test
    void exampleQuotedSecretKeepsItsQuotes() {
        String fixed = fix(".env.example", "SESSION_SECRET=\"Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA\"\n",
                "env/example-has-secret", null);
        assertEquals("SESSION_SECRET=\"your_session_secret_here\"\n", fixed);
    }

    @Test
    void exampleUrlPasswordIsReplacedInPlace() {
        String fixed = fix(".env.sample", "DATABASE_URL=postgres://shop:Xk9mP2vL8qR4wZ7a@db.internal:5432/shop\n",
                "env/example-has-secret", null);
        assertEquals("DATABASE_URL=postgres://shop:changeme@db.internal:5432/shop\n", fixed);
        parseClean(fixed);
    }

    @Test
    void debugFlagIsSwitchedOffAsAnUnsafeFix() {
        assertEquals("DEBUG=false\n", fix(".env.production", "DEBUG=true\n", "env/debug-enabled", null));
        assertEquals("FLASK_DEBUG=0\n", fix(".env", "FLASK_DEBUG=1\n", "env/debug-enabled", null));
        assertEquals("NODE_ENV=\"production\"\n", fix(".env", "NODE_ENV=\"development\"\n", "env/debug-enabled", null));
        assertEquals("ASPNETCORE_ENVIRONMENT=Production\n",
                fix(".env", "ASPNETCORE_ENVIRONMENT=Development\n", "env/debug-enabled", null));
        assertFalse(findings(".env", "DEBUG=true\n", "env/debug-enabled").get(0).fixes().get(0).safe());
    }

    @Test
    void unterminatedQuoteIsClosedAtTheEndOfTheLine() {
        String fixed = fix(".env", "GREETING=\"hello world\nNEXT=1\n", "env/unbalanced-quotes", null);
        assertEquals("GREETING=\"hello world\"\nNEXT=1\n", fixed);
        DotenvFile f = parseClean(fixed);
        assertEquals("hello world", f.entries().get(0).value());
    }

    @Test
    void fixAllOnTheShopEnvFixtureOnlyAppliesSafeFixes() throws Exception {
        SourceFile file = Fixtures.load(Fixtures.fixturesDir().resolve("dotenv/shop/.env"));
        String fixed = Fixtures.fixAll(file);
        assertTrue(fixed.contains("\nlog_level=debug\n"), "spaces trimmed, key case kept (unsafe)");
        assertTrue(fixed.contains("SERVER_PORT=9090"), "duplicate removal is unsafe and not applied");
        assertTrue(fixed.contains("DEBUG=true"), "debug fix is unsafe and not applied");
        assertEquals(file.text().replace("log_level = debug", "log_level=debug"), fixed,
                "the only safe fix in this file is trimming the spaces around '='");
    }
}
