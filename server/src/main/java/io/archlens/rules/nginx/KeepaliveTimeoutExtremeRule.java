package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client {@code keepalive_timeout} of 0 (keep-alive off) or above {@value #MAX_SECONDS}s. The upstream-block
 * {@code keepalive_timeout} (idle backend connections) is a different setting and is not checked.
 */
public final class KeepaliveTimeoutExtremeRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/keepalive-timeout-extreme",
            "keepalive_timeout disables keep-alive or holds idle connections too long", Severity.WARNING,
            Category.PERFORMANCE, FileKind.NGINX);
    static final long MAX_SECONDS = 300;
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|M|y)?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("keepalive_timeout")) {
            if (d.arg(0) == null || d.parent() != null && d.parent().is("upstream")) {
                continue;
            }
            long ms = millis(d.argValue(0));
            if (ms == 0) {
                ctx.report(d.arg(0).range(), "keepalive_timeout 0 turns client keep-alive off: every request pays a new"
                        + " TCP and TLS handshake; use a value such as 65s (above your load balancer's idle timeout)");
            } else if (ms > MAX_SECONDS * 1000) {
                ctx.report(d.arg(0).range(), "keepalive_timeout of " + (ms / 1000) + "s keeps idle client connections"
                        + " (and their worker slots) open for minutes; keep it between the load balancer's idle"
                        + " timeout and about 75s");
            }
        }
    }

    /** nginx time syntax ({@code 65}, {@code 75s}, {@code 1m30s}, {@code 500ms}) in milliseconds; -1 if invalid. */
    static long millis(String v) {
        if (v == null || v.isEmpty()) {
            return -1;
        }
        Matcher m = PART.matcher(v);
        long total = 0;
        int at = 0;
        while (at < v.length()) {
            if (!m.find(at) || m.start() != at) {
                return -1;
            }
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return -1;
            }
            String unit = m.group(2) == null ? "s" : m.group(2);
            long factor = switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                case "d" -> 86_400_000;
                case "w" -> 604_800_000;
                case "M" -> 2_592_000_000L;
                case "y" -> 31_536_000_000L;
                default -> 1000;
            };
            total += n * factor;
            at = m.end();
        }
        return total;
    }
}
