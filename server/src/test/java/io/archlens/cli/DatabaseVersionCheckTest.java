package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL judgements that depend on `context.database.version`, read from the project's settings file by `check`. */
class DatabaseVersionCheckTest {
    @TempDir
    Path dir;

    private String check(String version, String sql) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".archlens.yml"), version == null ? "profile: strict\n"
                : "profile: strict\ncontext:\n  database:\n    engine: postgres\n    version: " + version + "\n");
        Path m = dir.resolve("db/migration/V1__m.sql");
        Files.createDirectories(m.getParent());
        Files.writeString(m, sql);
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "check", dir.toString());
        return out.toString();
    }

    @Test
    void vacuumFullNamesRepackFromPostgres19AndPgRepackBefore() throws Exception {
        String v19 = check("19", "VACUUM FULL orders;\n");
        assertTrue(v19.contains("sql/vacuum-full-or-cluster") && v19.contains("online with REPACK (CONCURRENTLY)"), v19);
        String v16 = check("16", "VACUUM FULL orders;\n");
        assertTrue(v16.contains("use pg_repack or pg_squeeze online"), v16);
        String unknown = check(null, "CLUSTER orders;\n");
        assertTrue(unknown.contains("sql/vacuum-full-or-cluster") && unknown.contains("pg_repack"), unknown);
    }

    @Test
    void setNotNullAfterAValidatedCheckIsOnlyReportedBeforePostgres12() throws Exception {
        String sql = "SET lock_timeout = '2s';\nSET statement_timeout = '5s';\n"
                + "ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID;\nCOMMIT;\nBEGIN;\n"
                + "ALTER TABLE t VALIDATE CONSTRAINT c_nn;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;\n";
        assertTrue(check("11", sql).contains("sql/set-not-null"), "PostgreSQL 11 scans the table");
        assertFalse(check("16", sql).contains("sql/set-not-null"), "12+ uses the validated CHECK");
    }
}
