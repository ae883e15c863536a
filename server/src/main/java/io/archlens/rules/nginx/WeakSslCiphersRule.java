package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxArg;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ssl_ciphers} that enable broken or unauthenticated ciphers. OpenSSL's cipher string is read element by
 * element; an element is weak when it names RC4, DES, 3DES, MD5, NULL, EXPORT, LOW, anonymous (aNULL, ADH,
 * AECDH) suites or {@code @SECLEVEL=0}, or is a group that contains them ({@code ALL}, {@code MEDIUM};
 * {@code HIGH} without {@code !aNULL}) and they are not excluded with {@code !} or {@code -}.
 */
public final class WeakSslCiphersRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/weak-ssl-ciphers", "ssl_ciphers enables weak ciphers",
            Severity.ERROR, Category.SECURITY, FileKind.NGINX).withFix();
    /** A widely used "intermediate" list: ECDHE/DHE key exchange with AES-GCM or ChaCha20-Poly1305 only. */
    static final String MODERN = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
            + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
            + "ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384";
    private static final Pattern SEP = Pattern.compile("[:, ]+");
    private static final Set<String> WEAK_ALIASES = Set.of("RC4", "DES", "3DES", "MD5", "NULL", "ENULL", "ANULL",
            "EXPORT", "EXP", "EXPORT40", "EXPORT56", "LOW", "ADH", "AECDH", "EDH-DSS-DES", "COMPLEMENTOFALL");
    private static final List<String> ALL_WEAK = List.of("ANULL", "RC4", "3DES", "MD5", "EXPORT", "LOW");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("ssl_ciphers")) {
            NginxArg a = d.arg(0);
            if (a == null) {
                continue;
            }
            Set<String> weak = weakParts(a.value());
            if (weak.isEmpty()) {
                continue;
            }
            String q = a.quoted() ? String.valueOf(a.quote()) : "";
            ctx.report(a.range(), "ssl_ciphers enables weak ciphers (" + String.join(", ", weak) + "); allow only"
                    + " ECDHE/DHE suites with AES-GCM or CHACHA20-POLY1305",
                    Fix.unsafe("Use a modern AEAD-only cipher list (drops very old clients)",
                            Edit.replace(a.range(), q + MODERN + q)));
        }
    }

    static Set<String> weakParts(String spec) {
        String[] parts = SEP.split(spec.trim());
        Set<String> excluded = new HashSet<>();
        for (String p : parts) {
            if (p.startsWith("!") || p.startsWith("-")) {
                excluded.add(p.substring(1).toUpperCase(Locale.ROOT));
            }
        }
        Set<String> weak = new LinkedHashSet<>();
        for (String p : parts) {
            if (p.isEmpty() || p.startsWith("!") || p.startsWith("-") || p.startsWith("+")) {
                continue;
            }
            String u = p.toUpperCase(Locale.ROOT);
            if (u.startsWith("@SECLEVEL=0")) {
                weak.add("@SECLEVEL=0");
                continue;
            }
            for (String element : u.split("\\+")) {
                classify(element, excluded, weak);
            }
        }
        return weak;
    }

    private static void classify(String u, Set<String> excluded, Set<String> weak) {
        if (u.equals("ALL") || u.equals("MEDIUM")) {
            for (String w : ALL_WEAK) {
                if (!excluded.contains(w) && !(w.equals("3DES") && excluded.contains("DES-CBC3-SHA"))) {
                    weak.add(display(u) + " without !" + display(w));
                    break;
                }
            }
            return;
        }
        if (u.equals("HIGH")) {
            if (!excluded.contains("ANULL")) {
                weak.add("HIGH without !aNULL");
            }
            return;
        }
        if (WEAK_ALIASES.contains(u)) {
            if (!excluded.contains(u)) {
                weak.add(display(u));
            }
            return;
        }
        if (u.indexOf('-') < 0) {
            return;
        }
        String[] t = u.split("-");
        for (int i = 0; i < t.length; i++) {
            String s = t[i];
            if (s.equals("RC4") || s.equals("MD5") || s.equals("NULL") || s.equals("ADH") || s.equals("AECDH")
                    || s.equals("3DES") || s.equals("ANON")) {
                weak.add(display(s));
            } else if (s.equals("DES")) {
                weak.add(i + 1 < t.length && t[i + 1].equals("CBC3") ? "3DES" : "DES");
            } else if (s.equals("CBC3")) {
                weak.add("3DES");
            } else if (i == 0 && s.equals("EXP")) {
                weak.add("EXPORT");
            }
        }
    }

    private static String display(String u) {
        return switch (u) {
            case "ANULL" -> "aNULL";
            case "ENULL" -> "eNULL";
            case "ANON" -> "anonymous";
            default -> u;
        };
    }
}
