package io.archlens.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credential formats recognised wherever they appear, by their own shape (a vendor prefix and a body).
 *
 * <p>Linear time by construction: the vendor prefixes are found with {@link String#indexOf} (no regular
 * expression walks the text); at each occurrence an anchored pattern ({@code lookingAt}) reads the body with
 * possessive ({@code ++}, {@code {n,}+}) or bounded quantifiers, so it never backtracks. Where a failed attempt
 * could read a long run, the prefix must start that run ({@code notAfter}): the next attempt then starts after
 * the run, and each character is read a bounded number of times. PEM private key blocks are found by plain
 * scanning as well.
 */
final class TokenShapes {
    /**
     * {@code prefixes}: literals a match starts with; {@code notAfter}: characters that must not precede the
     * prefix (null: any); {@code group}: the part that is the secret (0 = the whole match).
     */
    record Shape(SecretType type, List<String> prefixes, int back, String notAfter, Pattern pattern, int group) {
        /** Where a match around a prefix found at {@code at} starts, or -1 when it cannot start there. */
        int start(String text, int at) {
            int start = at - back;
            return start < 0 || notAfter != null && start > 0 && inClass(text.charAt(start - 1), notAfter) ? -1 : start;
        }
    }

    private static final String TOK = "A-Za-z0-9_\\-";
    private static final String ALNUM = "A-Za-z0-9";

    static final List<Shape> SHAPES = List.of(
            shape(SecretType.AWS_ACCESS_KEY_ID, List.of("AKIA", "ASIA", "ABIA", "ACCA", "AROA", "AIDA"), ALNUM,
                    "A[A-Z]{3}[0-9A-Z]{16}(?![A-Za-z0-9])", 0),
            shape(SecretType.GCP_API_KEY, List.of("AIza"), TOK, "AIza[" + TOK + "]{35}(?![" + TOK + "])", 0),
            shape(SecretType.GCP_OAUTH_SECRET, List.of("GOCSPX-"), null, "GOCSPX-[" + TOK + "]{20,}+", 0),
            shape(SecretType.GCP_ACCESS_TOKEN, List.of("ya29."), TOK + ".", "ya29\\.[" + TOK + "]{20,}+", 0),
            shape(SecretType.GCP_PRIVATE_KEY_ID, List.of("\"private_key_id\""), null,
                    "\"private_key_id\"[ \\t]{0,10}:[ \\t]{0,10}\"([a-f0-9]{20,200}+)\"", 1),
            shape(SecretType.AZURE_KEY, List.of("AccountKey=", "SharedAccessKey=", "SharedAccessSignature=", "sig="),
                    ALNUM, "[A-Za-z]{3,21}=([A-Za-z0-9%+/=]{16,}+)", 1),
            new Shape(SecretType.AZURE_CLIENT_SECRET, List.of("Q~"), 4, "A-Za-z0-9_~.\\-", Pattern.compile(
                    "[A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}+(?![A-Za-z0-9_~.\\-])"), 0),
            shape(SecretType.GITHUB_TOKEN, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), ALNUM + "_",
                    "gh[pousr]_[A-Za-z0-9]{36,255}+(?![A-Za-z0-9_])", 0),
            shape(SecretType.GITHUB_TOKEN, List.of("github_pat_"), ALNUM + "_",
                    "github_pat_[A-Za-z0-9_]{22,255}+(?![A-Za-z0-9_])", 0),
            shape(SecretType.GITLAB_TOKEN, List.of("glpat-", "glptt-", "gldt-", "glrt-", "glcbt-"), TOK,
                    "gl[a-z]{2,3}-[" + TOK + "]{20,}+", 0),
            shape(SecretType.ANTHROPIC_KEY, List.of("sk-ant-"), TOK, "sk-ant-[" + TOK + "]{20,}+", 0),
            shape(SecretType.OPENAI_KEY, List.of("sk-"), TOK,
                    "sk-(?!ant-)(?=[" + TOK + "]{0,300}?\\d)[" + TOK + "]{20,}+", 0),
            shape(SecretType.SLACK_TOKEN, List.of("xox"), ALNUM + "\\-", "xox[abposre]-[A-Za-z0-9\\-]{10,}+", 0),
            shape(SecretType.SLACK_WEBHOOK, List.of("https://hooks.slack.com/"), null,
                    "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/\\-]{10,}+)", 1),
            shape(SecretType.DISCORD_WEBHOOK, List.of("/api/webhooks/"), null,
                    "/api/webhooks/([0-9]{5,30}/[" + TOK + "]{20,}+)", 1),
            shape(SecretType.STRIPE_LIVE_KEY, List.of("sk_live_", "rk_live_"), ALNUM + "_",
                    "[sr]k_live_[A-Za-z0-9]{16,}+", 0),
            shape(SecretType.STRIPE_TEST_KEY, List.of("sk_test_", "rk_test_"), ALNUM + "_",
                    "[sr]k_test_[A-Za-z0-9]{16,}+", 0),
            shape(SecretType.SENDGRID_KEY, List.of("SG."), TOK + ".",
                    "SG\\.[" + TOK + "]{16,}+\\.[" + TOK + "]{16,}+", 0),
            shape(SecretType.NPM_TOKEN, List.of("npm_"), ALNUM + "_", "npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", 0),
            shape(SecretType.PYPI_TOKEN, List.of("pypi-AgEIcHlwaS5vcmc"), null, "pypi-AgEIcHlwaS5vcmc[" + TOK + "]{50,}+", 0),
            shape(SecretType.DOCKER_HUB_TOKEN, List.of("dckr_pat_"), ALNUM + "_", "dckr_pat_[" + TOK + "]{20,}+", 0),
            shape(SecretType.VAULT_TOKEN, List.of("hvs.", "hvb."), TOK + ".", "hv[sb]\\.[" + TOK + "]{24,}+", 0),
            shape(SecretType.DIGITALOCEAN_TOKEN, List.of("dop_v1_", "doo_v1_", "dor_v1_"), ALNUM + "_",
                    "do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])", 0),
            shape(SecretType.SHOPIFY_TOKEN, List.of("shpat_", "shpss_", "shpca_", "shppa_"), ALNUM + "_",
                    "shp[a-z]{2}_[a-fA-F0-9]{32}(?![A-Za-z0-9])", 0),
            shape(SecretType.HUGGINGFACE_TOKEN, List.of("hf_"), ALNUM + "_", "hf_[A-Za-z]{34}(?![A-Za-z0-9])", 0),
            shape(SecretType.AGE_SECRET_KEY, List.of("AGE-SECRET-KEY-1"), null, "AGE-SECRET-KEY-1[0-9A-Z]{58}", 0),
            shape(SecretType.JWT, List.of("eyJ"), TOK + ".",
                    "eyJ[" + TOK + "]{8,}+\\.eyJ[" + TOK + "]{8,}+\\.[" + TOK + "]*+", 0));

    private static Shape shape(SecretType type, List<String> prefixes, String notAfter, String regex, int group) {
        return new Shape(type, prefixes, 0, notAfter, Pattern.compile(regex), group);
    }

    private TokenShapes() {
    }

    /** True when {@code c} is in the character class body {@code cls} ({@code A-Za-z0-9_\\-.} style). */
    static boolean inClass(char c, String cls) {
        for (int i = 0; i < cls.length(); i++) {
            char a = cls.charAt(i);
            if (a == '\\' && i + 1 < cls.length()) {
                if (c == cls.charAt(++i)) {
                    return true;
                }
            } else if (i + 2 < cls.length() && cls.charAt(i + 1) == '-') {
                if (c >= a && c <= cls.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (c == a) {
                return true;
            }
        }
        return false;
    }

    /** Adds every token shape and PEM private key body in {@code text} (offsets shifted by {@code base}). */
    static void find(String text, int base, List<SecretSpan> out) {
        privateKeys(text, base, out);
        for (Shape s : SHAPES) {
            Matcher m = null;
            for (String prefix : s.prefixes()) {
                int from = 0;
                while (true) {
                    int at = text.indexOf(prefix, from);
                    if (at < 0) {
                        break;
                    }
                    from = at + 1;
                    int start = s.start(text, at);
                    if (start < 0) {
                        continue;
                    }
                    if (m == null) {
                        m = s.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    }
                    m.region(start, text.length());
                    if (m.lookingAt()) {
                        int g = s.group();
                        if (m.end(g) > m.start(g)) {
                            out.add(new SecretSpan(base + m.start(g), base + m.end(g), s.type()));
                        }
                        from = Math.max(from, m.end());
                    }
                }
            }
        }
    }

    /** The first known format found in the value, or null. */
    static SecretType first(String value) {
        if (value.contains("PRIVATE KEY")) {
            List<SecretSpan> keys = new java.util.ArrayList<>();
            privateKeys(value, 0, keys);
            for (SecretSpan k : keys) {
                // a body cut short with an ellipsis ("MIIFDjBABgkq..." in a help text) is an example; the redactor
                // still withholds any body
                if (!truncatedExample(value, k.start(), k.end())) {
                    return SecretType.PRIVATE_KEY;
                }
            }
        }
        List<SecretSpan> found = new java.util.ArrayList<>();
        find(value, 0, found);
        for (SecretSpan f : found) {
            if (f.type() != SecretType.PRIVATE_KEY) { // (those were judged above)
                return f.type();
            }
        }
        return null;
    }

    /**
     * The body of each {@code -----BEGIN ... PRIVATE KEY-----} block, up to its END line or the end of the text.
     * Plain scanning: each character is looked at a bounded number of times.
     */
    private static void privateKeys(String text, int base, List<SecretSpan> out) {
        int from = 0;
        while (true) {
            int pk = text.indexOf("PRIVATE KEY", from);
            if (pk < 0) {
                return;
            }
            int window = Math.max(0, pk - 60);
            int begin = text.substring(window, pk).lastIndexOf("-----BEGIN");
            begin = begin < 0 ? -1 : window + begin;
            int headerEnd = pk + "PRIVATE KEY".length();
            if (text.startsWith(" BLOCK", headerEnd)) {
                headerEnd += " BLOCK".length();
            }
            if (begin < 0 || !text.startsWith("-----", headerEnd) || !upperHeader(text, begin + 10, pk)) {
                from = pk + 1;
                continue;
            }
            int bodyStart = headerEnd + 5;
            int end = text.indexOf("-----END", bodyStart);
            int bodyEnd = end < 0 ? text.length() : end;
            if (bodyEnd > bodyStart) {
                out.add(new SecretSpan(base + bodyStart, base + bodyEnd, SecretType.PRIVATE_KEY));
            }
            if (end < 0) {
                return;
            }
            from = end + 8;
        }
    }

    /**
     * Whether a key's body is a run of base64 (across line breaks, real or written {@code \\n}) that ends in an
     * ellipsis ({@code MIIEv...}, {@code MIIEv…}): an example, not a key.
     */
    private static boolean truncatedExample(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=') {
                n++;
            } else if (c == '\\' && i + 1 < to && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r')) {
                i++;
            } else if (!Character.isWhitespace(c)) {
                return n > 0 && (text.startsWith("...", i) || c == '\u2026');
            }
        }
        return false;
    }

    private static boolean upperHeader(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c == ' ' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
