package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxArg;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code resolver} naming a public IP address (8.8.8.8, 1.1.1.1...). nginx's stub resolver sends plain UDP queries
 * and checks little in the answer, so an off-path attacker can spoof replies and steer {@code proxy_pass} with
 * variables to a host of their choice. Host names and private, loopback and link-local addresses are not reported.
 */
public final class ResolverPublicDnsRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/resolver-public-dns",
            "resolver points at a public DNS server across the internet", Severity.WARNING, Category.SECURITY,
            FileKind.NGINX);
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(:\\d+)?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("resolver")) {
            for (NginxArg a : d.args()) {
                if (isPublic(a.value())) {
                    ctx.report(a.range(), "resolver " + a.value() + " is a public DNS server: nginx asks it over"
                            + " plain UDP and an attacker who spoofs the answer chooses where requests are proxied;"
                            + " use a local or VPC resolver (127.0.0.53, 169.254.169.253, kube-dns)");
                }
            }
        }
    }

    static boolean isPublic(String v) {
        Matcher m = IPV4.matcher(v);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return !(a == 10 || a == 127 || a == 0 || a == 169 && b == 254 || a == 172 && b >= 16 && b <= 31
                    || a == 192 && b == 168 || a == 100 && b >= 64 && b <= 127 || a >= 224);
        }
        String s = v.startsWith("[") ? v.substring(1, Math.max(1, v.indexOf(']'))) : v;
        if (s.indexOf(':') < 0 || !s.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return !(l.equals("::1") || l.startsWith("fc") || l.startsWith("fd") || l.startsWith("fe80")
                || l.startsWith("::ffff:") || l.startsWith("::"));
    }
}
