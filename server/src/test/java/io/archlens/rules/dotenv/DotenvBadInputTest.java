package io.archlens.rules.dotenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules on broken and huge .env files: no rule may throw (the harness fails on any logged rule error). */
class DotenvBadInputTest {
    @Test
    void everyTruncationOfTheShopFilesAnalysesWithoutRuleErrors() throws Exception {
        for (String name : List.of("dotenv/shop/.env", "dotenv/shop/.env.example", "dotenv/rules/crlf.env")) {
            String text = Files.readString(Fixtures.fixturesDir().resolve(name));
            String path = name.substring(name.lastIndexOf('/') + 1);
            for (int i = 0; i <= text.length(); i += 2) {
                List<Finding> f = Fixtures.analyze(Fixtures.source(path, text.substring(0, i), FileKind.DOTENV))
                        .findings();
                for (Finding x : f) {
                    assertTrue(x.range().end() <= i);
                }
            }
        }
    }

    @Test
    void unbalancedQuotesDoNotHideLaterSecrets() {
        String text = "A=\"never closed\nDB_PASSWORD=s3cr3t-Passw0rd\nB='also open\nDEBUG=true\n";
        List<Finding> f = Fixtures.analyze(Fixtures.source(".env", text, FileKind.DOTENV)).findings();
        assertEquals(2, f.stream().filter(x -> x.ruleId().equals("env/unbalanced-quotes")).count());
        assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("env/hardcoded-secret")));
        assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("env/debug-enabled")));
    }

    @Test
    void hugeFileOf100kLinesIsAnalysed() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append("SETTING_").append(i).append("=value-").append(i).append('\n');
        }
        sb.append("SETTING_7=dup\n");
        SourceFile file = Fixtures.source(".env", sb.toString(), FileKind.DOTENV);
        Settings big = Settings.fromMap(Map.of("max-file-bytes", 64L * 1024 * 1024, "max-findings-per-file", 10_000_000));
        List<Finding> f = Fixtures.analyze(file, big).findings();
        assertEquals(1, f.size());
        assertEquals("env/duplicate-key", f.get(0).ruleId());
    }
}
