package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code if ($http_origin ~ re)} / {@code $http_referer}: an allow-list regex of URLs (it contains {@code ://}) that
 * also accepts foreign sites. Each top-level alternative is checked for: no {@code ^} anchor; an unescaped
 * {@code .} between name characters ({@code example.com} matches {@code exampleXcom}); {@code .*}/{@code .+} in the
 * host part (it crosses into another host); a host not closed by {@code /}, {@code :} or {@code $}
 * ({@code ^https://example\.com} matches {@code https://example.com.evil.net}). Block lists of spam referers
 * (no scheme in the pattern) are not judged.
 */
public final class OriginRegexRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/origin-regex-bypass",
            "An Origin/Referer check by regular expression accepts foreign domains", Severity.WARNING,
            Category.SECURITY, FileKind.NGINX);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective iff : cfg.named("if")) {
            String variable = iff.argValue(0);
            String re = NginxRegex.blockRegex(iff);
            if (re == null || variable == null) {
                continue;
            }
            String header = variable.replace("(", "").toLowerCase(java.util.Locale.ROOT);
            if (!header.equals("$http_origin") && !header.equals("$http_referer")) {
                continue;
            }
            String plain = re.replace("\\/", "/");
            if (!plain.contains("://")) {
                continue;
            }
            for (String alt : alternatives(plain)) {
                String problem = problem(alt);
                if (problem != null) {
                    String what = header.equals("$http_origin") ? "Origin" : "Referer";
                    ctx.report(iff.arg(2).range(), "This " + what + " check " + problem + "; escape dots, anchor"
                            + " with ^ and end the host with / or $ (^https://(www\\.)?example\\.com(:\\d+)?(/|$))");
                    break;
                }
            }
        }
    }

    /** The top-level alternatives of a pattern (split at {@code |} outside groups and classes). */
    static List<String> alternatives(String re) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i : NginxRegex.plainOffsets(re)) {
            char c = re.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(re.substring(start, i));
                start = i + 1;
            }
        }
        out.add(re.substring(start));
        return out;
    }

    /** What lets a foreign URL through this alternative, or null. */
    static String problem(String alt) {
        if (!alt.startsWith("^")) {
            return "is not anchored with ^: https://evil.example/?" + sample(alt) + " passes";
        }
        int scheme = alt.indexOf("://");
        int hostStart = scheme < 0 ? 1 : scheme + 3;
        int hostEnd = alt.length();
        for (int i : NginxRegex.plainOffsets(alt)) {
            char c = alt.charAt(i);
            if (i >= hostStart && (c == '/' || c == ':' || c == '$')) {
                hostEnd = i;
                break;
            }
        }
        String host = alt.substring(hostStart, hostEnd);
        for (int i : NginxRegex.plainOffsets(host)) {
            if (host.charAt(i) != '.') {
                continue;
            }
            char next = i + 1 < host.length() ? host.charAt(i + 1) : 0;
            if (next == '*' || next == '+' || next == '{') {
                return "lets ." + next + " in the host part run across hosts: a URL on another host that"
                        + " merely contains the trusted name passes";
            }
            char prev = i > 0 ? host.charAt(i - 1) : 0;
            if (Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next)) {
                String word = host.substring(wordStart(host, i - 1), wordEnd(host, i + 1));
                return "has an unescaped '.' in " + word + ", which matches any character: "
                        + word.replace('.', 'x') + " passes (a domain anyone can register)";
            }
        }
        if (hostEnd == alt.length()) {
            return "does not end the host with /, : or $: " + sample(alt) + ".evil.example passes";
        }
        return null;
    }

    private static int wordEnd(String s, int i) {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    private static int wordStart(String s, int i) {
        while (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '-')) {
            i--;
        }
        return i;
    }

    /** A readable URL the alternative accepts (regex syntax dropped), for messages. */
    private static String sample(String alt) {
        String s = alt.replaceAll("^\\^", "").replace("https?", "https").replace("\\.", ".")
                .replaceAll("\\(\\[\\^/\\]\\+\\\\?\\.\\)\\?", "").replaceAll("[()^$?*+\\\\]", "");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
