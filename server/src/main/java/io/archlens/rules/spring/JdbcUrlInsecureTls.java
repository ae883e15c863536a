package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL (any property whose value starts with {@code jdbc:}) that turns TLS off or stops verifying the server
 * ({@code useSSL=false}, {@code sslMode=DISABLED}, {@code sslmode=disable}, {@code trustServerCertificate=true},
 * {@code encrypt=false}) or lets the driver fetch the server's RSA key in the clear
 * ({@code allowPublicKeyRetrieval=true}), in a document not limited to development profiles. A database on
 * {@code localhost} (a sidecar proxy such as cloud-sql-proxy encrypts the hop) is left alone.
 */
final class JdbcUrlInsecureTls extends SpringRule {
    static final RuleMeta META = spring("jdbc-url-insecure-tls",
            "The JDBC URL turns off TLS or certificate checks", Severity.WARNING, Category.SECURITY);
    private static final Pattern PARAM = Pattern.compile("[?&;]([A-Za-z]+)=([A-Za-z_-]+)");
    private static final Map<String, String> BAD = Map.of(
            "usessl=false", "useSSL=false sends queries, results and the password hash in clear text",
            "sslmode=disabled", "sslMode=DISABLED sends queries and results in clear text",
            "sslmode=disable", "sslmode=disable sends queries, results and credentials in clear text",
            "sslmode=allow", "sslmode=allow falls back to clear text whenever the server (or an attacker) says so",
            "trustservercertificate=true", "trustServerCertificate=true accepts any certificate, so anyone on "
                    + "the path can impersonate the server",
            "encrypt=false", "encrypt=false leaves the connection unencrypted after login",
            "allowpublickeyretrieval=true", "allowPublicKeyRetrieval=true lets the driver ask the server for its "
                    + "RSA key, which anyone on the path can substitute to read the password");
    private static final Pattern LOCAL = Pattern.compile("//(localhost|127\\.0\\.0\\.1|\\[::1])[:/;?]");

    JdbcUrlInsecureTls() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (SpringProperty p : doc.properties()) {
                String v = p.value().trim();
                if (!v.regionMatches(true, 0, "jdbc:", 0, 5) || LOCAL.matcher(v.toLowerCase(Locale.ROOT)).find()
                        || v.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
                    continue;
                }
                Matcher m = PARAM.matcher(v);
                while (m.find()) {
                    String why = BAD.get((m.group(1) + "=" + m.group(2)).toLowerCase(Locale.ROOT));
                    if (why != null) {
                        ctx.report(at(ctx, p, m.group().substring(1)), why + "; the database is not on this host. "
                                + "Require verified TLS (sslMode=VERIFY_IDENTITY, sslmode=verify-full, "
                                + "encrypt=true with the server's CA)");
                    }
                }
            }
        }
    }

    /** The parameter's range inside the value when written verbatim, else the whole value. */
    private static TextRange at(RuleContext ctx, SpringProperty p, String param) {
        TextRange r = p.valueRange();
        String raw = ctx.text().substring(r.start(), Math.min(r.end(), ctx.text().length()));
        int i = raw.indexOf(param);
        return i < 0 ? r : new TextRange(r.start() + i, r.start() + i + param.length());
    }
}
