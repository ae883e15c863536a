package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.SqlToken;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** PostgreSQL DDL: a name longer than 63 bytes, which PostgreSQL silently truncates (each name once per file). */
final class IdentifierTooLong extends SqlRule {
    static final RuleMeta META = sql("identifier-too-long",
            "A name is longer than PostgreSQL's 63 bytes and is silently truncated", Severity.WARNING,
            Category.RELIABILITY);
    private static final int MAX_BYTES = 63;

    IdentifierTooLong() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (SqlStatement s : script.statements()) {
            if (!s.startsWith("CREATE") && !s.startsWith("ALTER") && !s.startsWith("DROP")) {
                continue;
            }
            for (SqlToken t : s.tokens()) {
                if (!t.isIdentifier()) {
                    continue;
                }
                String name = SqlName.normalize(s.text(t));
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                if (bytes.length > MAX_BYTES && seen.add(name)) {
                    String kept = new String(bytes, 0, MAX_BYTES, StandardCharsets.UTF_8).replace("\uFFFD", "");
                    ctx.report(t.range(), "This name is " + bytes.length + " bytes; PostgreSQL keeps the first 63 ("
                            + kept + "), so two names that share them collide and tools comparing the full name"
                            + " (ORMs, schema diffs) see a different object; shorten it");
                }
            }
        }
    }
}
