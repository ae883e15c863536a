package io.archlens.secrets;

import io.archlens.secrets.CommandLines.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Name-value pairs written with spaces instead of {@code =}: HTTP credentials ({@code Authorization "Basic ..."},
 * {@code Bearer ...}), nginx directives that set a header or a parameter ({@code proxy_set_header X-Api-Key abc;},
 * {@code fastcgi_param DB_PASSWORD x;}, {@code set $api_token x;}) and Dockerfile's legacy
 * {@code ENV NAME value}.
 */
final class Headers {
    private static final Set<String> NAME_VALUE_DIRECTIVES = Set.of("proxy_set_header", "add_header",
            "grpc_set_header", "fastcgi_param", "uwsgi_param", "scgi_param", "set", "add_trailer", "env");
    private static final Set<String> AUTH_HEADERS = Set.of("authorization", "proxy-authorization");

    private Headers() {
    }

    static void scan(String text, int from, int to, List<Word> words, List<SecretSpan> out) {
        if (words.isEmpty()) {
            return;
        }
        Boolean authLine = null;
        for (int k = 0; k + 1 < words.size(); k++) {
            String t = words.get(k).text().toLowerCase(Locale.ROOT);
            if (!t.equals("basic") && !t.equals("bearer") && !t.endsWith(":basic") && !t.endsWith(":bearer")) {
                continue;
            }
            Word cred = words.get(k + 1);
            if (!credential(cred.text())) {
                continue;
            }
            if (authLine == null) {
                authLine = UrlPasswords.indexOfIgnoreCase(text, "authoriz", from, to) >= 0;
            }
            if (authLine || cred.text().length() >= 16 && SecretValues.credentialLike(cred.text())) {
                out.add(new SecretSpan(cred.start(), cred.end(), SecretType.HTTP_AUTHORIZATION));
            }
        }
        String first = words.get(0).text();
        if (words.size() >= 3 && NAME_VALUE_DIRECTIVES.contains(first)) {
            Word name = words.get(1);
            Word value = words.get(2);
            String n = name.text().startsWith("$") ? name.text().substring(1) : name.text();
            String lead = value.text().toLowerCase(Locale.ROOT);
            boolean auth = AUTH_HEADERS.contains(n.toLowerCase(Locale.ROOT)) && !lead.equals("basic")
                    && !lead.equals("bearer");
            if (n.indexOf('=') < 0 && (SecretKeys.isSecretKey(n) || auth) && SecretValues.mayBeSecret(value.text())) {
                out.add(new SecretSpan(value.start(), words.get(words.size() - 1).end(),
                        auth ? SecretType.HTTP_AUTHORIZATION : SecretType.SECRET_VALUE));
            }
        }
        if (words.size() >= 3 && first.equalsIgnoreCase("ENV") && words.get(1).text().indexOf('=') < 0
                && SecretKeys.isSecretKey(words.get(1).text())) {
            int start = words.get(2).start();
            int end = words.get(words.size() - 1).end();
            if (SecretValues.mayBeSecret(text.substring(start, end))) {
                out.add(new SecretSpan(start, end, SecretType.SECRET_VALUE));
            }
        }
    }

    /** At least 8 characters of the token alphabets (base64, base64url, JWT, hex). */
    private static boolean credential(String s) {
        if (s.length() < 8) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "+/=._~-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
