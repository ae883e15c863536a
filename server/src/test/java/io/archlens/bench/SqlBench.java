package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;

/**
 * Rule-book analysis time (parse + every sql/* rule + suppressions) of a realistic 500-line Flyway migration
 * (tables, indexes, alters, a PL/pgSQL function, backfills), and of a 10,000-line one. Not a JUnit test: run it
 * with {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.SqlBench}
 * from {@code server/}. Optional arguments: measured runs (default 2000), warm-up runs (default 2000).
 */
public final class SqlBench {
    private SqlBench() {
    }

    /** A realistic PostgreSQL migration of about {@code lines} lines, with a few lock-taking mistakes. */
    public static String migration(int lines) {
        StringBuilder sb = new StringBuilder("-- Release 2024.11: catalogue, pricing and order changes\n");
        int i = 0;
        while (count(sb) < lines) {
            switch (i % 6) {
                case 0 -> sb.append("CREATE TABLE item_").append(i).append(" (\n")
                        .append("    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
                        .append("    order_id    bigint NOT NULL REFERENCES orders (id),\n")
                        .append("    sku         text NOT NULL,\n")
                        .append("    note        text DEFAULT 'n/a; none',\n")
                        .append("    created_at  timestamp NOT NULL DEFAULT now()\n);\n")
                        .append("CREATE INDEX item_").append(i).append("_order_idx ON item_").append(i)
                        .append(" (order_id);\n");
                case 1 -> sb.append("ALTER TABLE orders ADD COLUMN attr_").append(i).append(" text;\n")
                        .append("CREATE INDEX orders_attr_").append(i).append("_idx ON orders (attr_").append(i)
                        .append(");\n");
                case 2 -> sb.append("CREATE OR REPLACE FUNCTION touch_").append(i)
                        .append("() RETURNS trigger AS $$\nBEGIN\n    NEW.updated_at := now(); -- keep; in body\n")
                        .append("    RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n");
                case 3 -> sb.append("ALTER TABLE orders ADD CONSTRAINT orders_c").append(i)
                        .append(" CHECK (total >= 0) NOT VALID;\n")
                        .append("/* validated in the next release; see ticket SHOP-").append(i).append(" */\n");
                case 4 -> sb.append("UPDATE orders SET attr_").append(i - 3).append(" = 'x' WHERE id < ")
                        .append(i * 1000).append(";\n")
                        .append("INSERT INTO audit (msg) VALUES ('migrated ").append(i).append("; ok');\n");
                default -> sb.append("-- section ").append(i).append('\n')
                        .append("COMMENT ON TABLE orders IS 'Customer orders (rev ").append(i).append(")';\n");
            }
            i++;
        }
        return sb.toString();
    }

    private static int count(CharSequence s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String path = "src/main/resources/db/migration/V42__release.sql";
        SpringBench.bench("V42__release.sql", path, migration(500), FileKind.SQL, runs, warmup);
        SourceFile big = SourceFile.of(path, migration(10_000), FileKind.SQL);
        if (big.text().length() > Settings.DEFAULTS.maxFileBytes()) {
            throw new IllegalStateException("large input above max-file-bytes");
        }
        SpringBench.bench("V42__release.sql (large)", path, big.text(), FileKind.SQL, Math.max(20, runs / 20),
                Math.max(20, warmup / 20));
    }
}
