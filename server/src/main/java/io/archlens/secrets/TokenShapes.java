package io.archlens.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credential formats recognised wherever they appear, by their own shape (a vendor prefix and a body).
 *
 * <p>Every pattern runs in linear time: it starts with a literal prefix, and where a match could start inside
 * a run of body characters a look-behind lets it start only at the beginning of the run; bodies are possessive
 * ({@code ++}, {@code {n,}+}) or bounded, so no position is rescanned after a failed attempt and no
 * backtracking happens inside a run. PEM private key blocks are found by plain {@code indexOf} scanning.
 */
final class TokenShapes {
    /** {@code group}: the part that is the secret (0 = the whole match); {@code hint}: a literal every match contains. */
    record Shape(SecretType type, Pattern pattern, int group, String hint) {
    }

    private static final String TOK = "A-Za-z0-9_\\-";

    static final List<Shape> SHAPES = List.of(
            shape(SecretType.AWS_ACCESS_KEY_ID,
                    "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AROA|AIDA)[0-9A-Z]{16}(?![A-Za-z0-9])", null),
            shape(SecretType.GCP_API_KEY, "(?<![" + TOK + "])AIza[" + TOK + "]{35}(?![" + TOK + "])", "AIza"),
            shape(SecretType.GCP_OAUTH_SECRET, "GOCSPX-[" + TOK + "]{20,}+", "GOCSPX-"),
            shape(SecretType.GCP_ACCESS_TOKEN, "(?<![" + TOK + ".])ya29\\.[" + TOK + "]{20,}+", "ya29."),
            new Shape(SecretType.GCP_PRIVATE_KEY_ID,
                    Pattern.compile("\"private_key_id\"[ \\t]{0,10}:[ \\t]{0,10}\"([a-f0-9]{20,200}+)\""), 1,
                    "private_key_id"),
            new Shape(SecretType.AZURE_KEY, Pattern.compile(
                    "(?i)(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)=([A-Za-z0-9%+/=]{16,}+)"),
                    1, null),
            shape(SecretType.AZURE_CLIENT_SECRET, "(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.\\-]{3}\\dQ~"
                    + "[A-Za-z0-9_~.\\-]{31,34}+(?![A-Za-z0-9_~.\\-])", "Q~"),
            shape(SecretType.GITHUB_TOKEN, "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}+"
                    + "|github_pat_[A-Za-z0-9_]{22,255}+)(?![A-Za-z0-9_])", null),
            shape(SecretType.GITLAB_TOKEN, "(?<![" + TOK + "])gl(?:pat|ptt|dt|rt|cbt)-[" + TOK + "]{20,}+", "gl"),
            shape(SecretType.ANTHROPIC_KEY, "(?<![" + TOK + "])sk-ant-[" + TOK + "]{20,}+", "sk-ant-"),
            shape(SecretType.OPENAI_KEY, "(?<![" + TOK + "])sk-(?!ant-)(?=[" + TOK + "]{0,300}?\\d)[" + TOK + "]{20,}+",
                    "sk-"),
            shape(SecretType.SLACK_TOKEN, "(?<![A-Za-z0-9\\-])xox[abposre]-[A-Za-z0-9\\-]{10,}+", "xox"),
            new Shape(SecretType.SLACK_WEBHOOK, Pattern.compile(
                    "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/\\-]{10,}+)"), 1,
                    "hooks.slack.com"),
            new Shape(SecretType.DISCORD_WEBHOOK, Pattern.compile("https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com"
                    + "/api/webhooks/([0-9]{5,30}/[" + TOK + "]{20,}+)"), 1, "/api/webhooks/"),
            shape(SecretType.STRIPE_LIVE_KEY, "(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{16,}+", "k_live_"),
            shape(SecretType.STRIPE_TEST_KEY, "(?<![A-Za-z0-9_])[sr]k_test_[A-Za-z0-9]{16,}+", "k_test_"),
            shape(SecretType.SENDGRID_KEY, "(?<![" + TOK + ".])SG\\.[" + TOK + "]{16,}+\\.[" + TOK + "]{16,}+", "SG."),
            shape(SecretType.NPM_TOKEN, "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", "npm_"),
            shape(SecretType.PYPI_TOKEN, "pypi-AgEIcHlwaS5vcmc[" + TOK + "]{50,}+", "pypi-"),
            shape(SecretType.DOCKER_HUB_TOKEN, "(?<![A-Za-z0-9_])dckr_pat_[" + TOK + "]{20,}+", "dckr_pat_"),
            shape(SecretType.VAULT_TOKEN, "(?<![" + TOK + ".])hv[sb]\\.[" + TOK + "]{24,}+", "hv"),
            shape(SecretType.DIGITALOCEAN_TOKEN, "(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])", "_v1_"),
            shape(SecretType.SHOPIFY_TOKEN, "(?<![A-Za-z0-9_])shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9])", "shp"),
            shape(SecretType.HUGGINGFACE_TOKEN, "(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])", "hf_"),
            shape(SecretType.AGE_SECRET_KEY, "AGE-SECRET-KEY-1[0-9A-Z]{58}", "AGE-SECRET-KEY-"),
            shape(SecretType.JWT, "(?<![" + TOK + ".])eyJ[" + TOK + "]{8,}+\\.eyJ[" + TOK + "]{8,}+\\.[" + TOK + "]*+",
                    "eyJ"));

    private static Shape shape(SecretType type, String regex, String hint) {
        return new Shape(type, Pattern.compile(regex), 0, hint);
    }

    private TokenShapes() {
    }

    /** Adds every token shape and PEM private key body in {@code text} (offsets shifted by {@code base}). */
    static void find(String text, int base, List<SecretSpan> out) {
        privateKeys(text, base, out);
        for (Shape s : SHAPES) {
            if (s.hint() != null && !text.contains(s.hint())) {
                continue;
            }
            Matcher m = s.pattern().matcher(text);
            while (m.find()) {
                int g = s.group();
                if (m.end(g) > m.start(g)) {
                    out.add(new SecretSpan(base + m.start(g), base + m.end(g), s.type()));
                }
            }
        }
    }

    /** The first known format found in the value, or null. */
    static SecretType first(String value) {
        if (value.contains("PRIVATE KEY")) {
            List<SecretSpan> keys = new java.util.ArrayList<>();
            privateKeys(value, 0, keys);
            if (!keys.isEmpty()) {
                return SecretType.PRIVATE_KEY;
            }
        }
        for (Shape s : SHAPES) {
            if ((s.hint() == null || value.contains(s.hint())) && s.pattern().matcher(value).find()) {
                return s.type();
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
