package io.archlens.syntax.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlParserTest {
    private static Parsed<SqlScript> parse(String path, String text) {
        return SqlParser.parse(SourceFile.of(path, text, FileKind.SQL));
    }

    private static SqlScript script(String text) {
        return parse("db/migration/V1__x.sql", text).model();
    }

    private static List<String> texts(SqlScript s) {
        return s.statements().stream().map(SqlStatement::text).toList();
    }

    private static String slice(String t, TextRange r) {
        return t.substring(r.start(), r.end());
    }

    @Test
    void splitsOnSemicolonsWithExactRanges() {
        String t = "  CREATE TABLE a (id int);\nINSERT INTO a VALUES (1) ;  SELECT 1";
        SqlScript s = script(t);
        assertEquals(List.of("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)", "SELECT 1"), texts(s));
        assertEquals(2, s.statements().get(0).range().start());
        assertEquals(";", slice(t, s.statements().get(1).terminator()));
        assertNull(s.statements().get(2).terminator());
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        String t = "INSERT INTO t VALUES ('a;b', 'it''s;', \"col;name\"); -- c;omment\n"
                + "/* block; /* nested; */ still; */ SELECT E'\\';x' ;\n"
                + "SELECT 'last';";
        SqlScript s = script(t);
        assertEquals(3, s.statements().size(), texts(s).toString());
        assertEquals("INSERT INTO t VALUES ('a;b', 'it''s;', \"col;name\")", s.statements().get(0).text());
        assertEquals("SELECT E'\\';x'", s.statements().get(1).text());
        assertTrue(s.statements().get(1).get(1).type() == SqlToken.Type.STRING);
    }

    @Test
    void dollarQuotesKeepFunctionBodiesTogether() {
        String t = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  x := 1; RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n"
                + "DO $body$ BEGIN PERFORM 1; $$ not the end $$; END $body$;\n"
                + "SELECT $1, a$b FROM t;";
        SqlScript s = script(t);
        assertEquals(3, s.statements().size(), texts(s).toString());
        assertTrue(s.statements().get(0).text().endsWith("LANGUAGE plpgsql"));
        assertTrue(s.statements().get(1).text().endsWith("END $body$"));
        SqlStatement sel = s.statements().get(2);
        assertEquals(SqlToken.Type.PARAM, sel.get(1).type());
        assertEquals("a$b", sel.text(sel.get(3)));
    }

    @Test
    void tokensCarryKeywordsIdentifiersAndDepth() {
        SqlStatement st = script("create index concurrently \"Idx\" on public.Orders (lower(email), id);").statements()
                .get(0);
        assertEquals("CREATE", st.word(0));
        assertTrue(st.is(2, "CONCURRENTLY"));
        assertEquals(SqlToken.Type.QUOTED_IDENT, st.get(3).type());
        assertEquals("Idx", st.identifier(3));
        assertEquals("orders", st.identifier(7));
        int lower = 9;
        assertTrue(st.is(lower, "LOWER"));
        assertEquals(1, st.get(lower).depth());
        assertEquals(2, st.get(lower + 2).depth());
        CreateIndex ci = (CreateIndex) st.ddl();
        assertTrue(ci.concurrently());
        assertEquals("orders", ci.table().name());
        assertEquals("public", ci.table().schema());
        assertEquals(2, ci.columns().size());
        assertNull(ci.columns().get(0));
        assertEquals("id", ci.columns().get(1));
    }

    @Test
    void createTableModel() {
        String t = "CREATE TABLE IF NOT EXISTS shop.orders (\n"
                + "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                + "  customer_id int NOT NULL REFERENCES customers (id),\n"
                + "  total numeric(12, 2) DEFAULT 0 NOT NULL,\n"
                + "  placed_at timestamp(3) without time zone,\n"
                + "  CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id, region) REFERENCES shops (id, region) NOT VALID\n"
                + ");";
        SqlStatement st = script(t).statements().get(0);
        CreateTable ct = (CreateTable) st.ddl();
        assertEquals("orders", ct.table().name());
        assertEquals(4, ct.columns().size());
        ColumnDef id = ct.columns().get(0);
        assertTrue(id.primaryKey());
        assertTrue(id.identity());
        ColumnDef cust = ct.columns().get(1);
        assertEquals("customers", cust.references().name());
        assertTrue(cust.notNull() > 0);
        ColumnDef total = ct.columns().get(2);
        assertEquals("NUMERIC(12,2)", total.type(st));
        assertTrue(total.hasDefault());
        assertEquals("0", st.text(total.defaultFrom(), total.defaultTo()));
        assertEquals("timestamp(3) without time zone", slice(t, ct.columns().get(3).typeRange(st)));
        TableConstraint fk = ct.constraints().get(0);
        assertEquals(TableConstraint.Kind.FOREIGN_KEY, fk.kind());
        assertEquals(List.of("shop_id", "region"), fk.columns());
        assertEquals("shops", fk.refTable().name());
        assertTrue(fk.notValid());
        assertTrue(script(t).createdTables().contains("orders"));
    }

    @Test
    void alterTableActions() {
        String t = "ALTER TABLE ONLY orders ADD COLUMN a int NOT NULL DEFAULT 0, ALTER COLUMN b TYPE bigint USING b::bigint,"
                + " ALTER b SET NOT NULL, DROP COLUMN IF EXISTS c, RENAME COLUMN d TO e, ADD CONSTRAINT u UNIQUE (a),"
                + " VALIDATE CONSTRAINT v;";
        SqlStatement st = script(t).statements().get(0);
        AlterTable at = (AlterTable) st.ddl();
        assertEquals("orders", at.table().name());
        List<AlterTable.Kind> kinds = at.actions().stream().map(AlterTable.Action::kind).toList();
        assertEquals(List.of(AlterTable.Kind.ADD_COLUMN, AlterTable.Kind.ALTER_COLUMN_TYPE, AlterTable.Kind.SET_NOT_NULL,
                AlterTable.Kind.DROP_COLUMN, AlterTable.Kind.RENAME_COLUMN, AlterTable.Kind.ADD_CONSTRAINT,
                AlterTable.Kind.VALIDATE_CONSTRAINT), kinds);
        assertEquals("c", at.actions().get(3).columnName());
        assertEquals("e", at.actions().get(4).newName());
        assertEquals(TableConstraint.Kind.UNIQUE, at.actions().get(5).constraint().kind());
    }

    @Test
    void mysqlBackticksHashCommentsBackslashEscapesAndDelimiter() {
        String t = "CREATE TABLE `order;s` (`id` INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB; # comment; here\n"
                + "INSERT INTO t VALUES ('it\\'s; fine');\n"
                + "DELIMITER $$\n"
                + "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\n"
                + "DELIMITER ;\n"
                + "SELECT 3;";
        Parsed<SqlScript> p = parse("db/migration/V2__m.sql", t);
        SqlScript s = p.model();
        assertEquals(SqlDialect.MYSQL, s.detectedDialect());
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        assertEquals(4, s.statements().size(), texts(s).toString());
        assertEquals("order;s", ((CreateTable) s.statements().get(0).ddl()).table().name());
        assertEquals("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", s.statements().get(2).text());
        assertEquals("$$", slice(t, s.statements().get(2).terminator()));
        assertEquals("SELECT 3", s.statements().get(3).text());
    }

    @Test
    void dialectFromPathSyntaxAndContext() {
        assertEquals(SqlDialect.POSTGRESQL, script("CREATE TABLE a (id int);").detectedDialect());
        assertEquals(SqlDialect.MYSQL, parse("db/mysql/V1__a.sql", "CREATE TABLE a (id int);").model().detectedDialect());
        assertEquals(SqlDialect.MYSQL, script("CREATE TABLE a (id int AUTO_INCREMENT);").detectedDialect());
        assertEquals(SqlDialect.MYSQL, SqlDialect.fromEngine("MariaDB 10.11"));
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.fromEngine("postgres"));
        assertNull(SqlDialect.fromEngine("oracle"));
    }

    @Test
    void migrationKindsByPathAndContent() {
        assertEquals(SqlScript.Tool.FLYWAY, parse("src/main/resources/db/migration/V3__x.sql", "").model()
                .migration().tool());
        assertEquals(SqlScript.Tool.FLYWAY, parse("sql/V1_2__x.sql", "").model().migration().tool());
        assertEquals(SqlScript.Tool.FLYWAY, parse("sql/R__views.sql", "").model().migration().tool());
        assertTrue(parse("sql/U3__undo.sql", "").model().migration().down());
        assertEquals(SqlScript.Tool.GENERIC, parse("migrations/0001_init.up.sql", "").model().migration().tool());
        assertTrue(parse("migrations/0001_init.down.sql", "").model().migration().down());
        assertEquals(SqlScript.Tool.GENERIC, parse("db/migrate/20240101_x.sql", "").model().migration().tool());
        assertEquals(SqlScript.Tool.NONE, parse("src/main/resources/schema.sql", "").model().migration().tool());
        assertFalse(parse("queries/report.sql", "SELECT 1;").model().isMigration());
        SqlScript lb = parse("db/changes.sql", "-- liquibase formatted sql\n--changeset a:1\nCREATE INDEX i ON t (c)\n"
                + "--changeset a:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY j ON t (d);\n").model();
        assertEquals(SqlScript.Tool.LIQUIBASE, lb.migration().tool());
        assertEquals(2, lb.changesets().size());
        assertTrue(lb.changesets().get(0).runInTransaction());
        assertFalse(lb.changesets().get(1).runInTransaction());
        assertEquals(2, lb.statements().size(), "a changeset ends the statement before it");
        assertEquals(0, lb.statements().get(0).changeset());
        assertEquals(1, lb.statements().get(1).changeset());
    }

    @Test
    void exactRangesWithCrlfTabsEmojiAndCjk() {
        String t = "-- 迁移 😀\r\n\tINSERT INTO \"表\" VALUES ('😀;字');\r\n\tUPDATE t SET a = 'é';\r\n";
        SqlScript s = script(t);
        assertEquals(2, s.statements().size());
        SqlStatement ins = s.statements().get(0);
        assertEquals("INSERT INTO \"表\" VALUES ('😀;字')", ins.text());
        assertEquals(t.indexOf("INSERT"), ins.range().start());
        assertEquals("表", ins.identifier(2));
        assertEquals("'😀;字'", ins.text(ins.get(5)));
        assertEquals("\r\n", s.eol());
    }

    @Test
    void unterminatedConstructsAreSyntaxErrorsNotExceptions() {
        String[][] cases = {
            {"SELECT 'abc;\nSELECT 2;", "Unterminated string"},
            {"SELECT \"abc;\nSELECT 2;", "Unterminated quoted identifier"},
            {"DO $$ BEGIN PERFORM 1;", "Unterminated dollar quote"},
            {"DO $fn$ BEGIN $$ x $$", "Unterminated dollar quote"},
            {"SELECT 1; /* open /* nested */ comment", "Unterminated /*"},
        };
        for (String[] c : cases) {
            Parsed<SqlScript> p = parse("db/migration/V9__bad.sql", c[0]);
            assertEquals(1, p.issues().size(), c[0]);
            assertTrue(p.issues().get(0).message().startsWith(c[1]), p.issues().get(0).message());
            assertNotNull(p.model());
        }
        Parsed<SqlScript> p = parse("db/migration/V9__bad.sql", "SELECT 'abc;\nSELECT 2;");
        assertEquals(new TextRange(7, 8), p.issues().get(0).range());
        assertEquals(1, p.model().statements().size());
    }

    @Test
    void oddInputNeverThrows() {
        String[] inputs = {"", ";", ";;;", "(((", ")))", "$", "$$", "$a", "E'", "'", "\"", "`", "--", "/*", "*/",
            "DELIMITER", "DELIMITER \n;", "ALTER TABLE", "ALTER TABLE t ADD", "CREATE TABLE t (", "CREATE INDEX ON",
            "CREATE TABLE t (a int, CONSTRAINT)", "ALTER TABLE t ALTER COLUMN", "DROP INDEX", "UPDATE", "\uFEFF",
            "CREATE UNIQUE INDEX CONCURRENTLY", "ALTER TABLE t RENAME", "ALTER TABLE t ADD CONSTRAINT c FOREIGN KEY ("};
        for (String in : inputs) {
            Parsed<SqlScript> p = parse("db/migration/V1__odd.sql", in);
            assertNotNull(p.model(), in);
        }
    }

    @Test
    void hugeMigrationIsSplitCompletely() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            sb.append("CREATE TABLE t").append(i).append(" (\n  id bigint PRIMARY KEY,\n  note text DEFAULT 'x;y'\n);\n");
        }
        SqlScript s = script(sb.toString());
        assertEquals(25_000, s.statements().size());
        assertEquals(25_000, s.createdTables().size());
        assertTrue(sb.toString().lines().count() >= 100_000);
    }
}
