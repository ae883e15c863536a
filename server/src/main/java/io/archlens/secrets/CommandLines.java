package io.archlens.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords passed on command lines (Dockerfile RUN, Compose/Kubernetes commands, CI scripts):
 * {@code mysql -pPASSWORD}, {@code docker login -p PASSWORD}, {@code --password PASSWORD} (any long flag named
 * like a secret), {@code sshpass -p}, {@code redis-cli -a}, {@code curl -u user:PASSWORD},
 * {@code sqlplus user/PASSWORD@db}, {@code htpasswd -b file user PASSWORD}. Lines are split into words once;
 * a command seen on a line stays in effect on continuation lines ({@code \}) and YAML list items.
 */
final class CommandLines {
    private static final Set<String> MYSQL = Set.of("mysql", "mysqladmin", "mysqldump", "mysqlimport", "mysqlshow",
            "mysqlcheck", "mysqlpump", "mysqlsh", "mariadb", "mariadb-admin", "mariadb-dump", "mysql_upgrade");
    private static final Set<String> LOGIN = Set.of("docker", "podman", "buildah", "skopeo", "helm", "oras", "crane",
            "nerdctl", "regctl");

    /** The command family in effect. */
    enum Family { NONE, MYSQL, LOGIN, SSHPASS, REDIS, CURL, SQLPLUS, HTPASSWD }

    private CommandLines() {
    }

    /** A word of the line: {@code [start, end)} without surrounding quotes, brackets and commas. */
    record Word(int start, int end, String text) {
    }

    static List<Word> words(String text, int from, int to) {
        List<Word> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int a = s;
            int b = i;
            while (a < b && "\"'[(,`".indexOf(text.charAt(a)) >= 0) {
                a++;
            }
            while (b > a && "\"',])`;\\".indexOf(text.charAt(b - 1)) >= 0) {
                b--;
            }
            if (b > a) {
                out.add(new Word(a, b, text.substring(a, b)));
            }
        }
        return out;
    }

    /** Scans one line; returns the family still in effect at its end. */
    static Family scan(String text, List<Word> words, Family family, List<SecretSpan> out) {
        Family f = family;
        for (int k = 0; k < words.size(); k++) {
            Word w = words.get(k);
            String t = w.text();
            if (t.equals("&&") || t.equals("||") || t.equals("|") || t.equals(";") || t.equals("then")
                    || t.equals("do")) {
                f = Family.NONE;
                continue;
            }
            Family named = family(t, k + 1 < words.size() ? words.get(k + 1).text() : "");
            if (named == Family.NONE && LOGIN.contains(t)) {
                f = Family.NONE; // docker run, docker push...: not a login
                continue;
            }
            if (named != Family.NONE) {
                f = named;
                if (f == Family.HTPASSWD) {
                    htpasswd(words, k + 1, out);
                }
                continue;
            }
            Word next = k + 1 < words.size() ? words.get(k + 1) : null;
            if (t.startsWith("--") && t.indexOf('=') < 0 && next != null && !next.text().startsWith("-")
                    && SecretKeys.isSecretKey(t.substring(2)) && !next.text().contains("=")) {
                add(next.start(), next.end(), text, out);
                k++;
                continue;
            }
            switch (f) {
                case MYSQL -> {
                    if (t.length() > 2 && t.startsWith("-p") && t.charAt(2) != '-') {
                        add(w.start() + 2, w.end(), text, out);
                    }
                }
                case LOGIN, SSHPASS -> {
                    if (t.equals("-p") && next != null) {
                        add(next.start(), next.end(), text, out);
                        k++;
                    } else if (f == Family.SSHPASS && t.length() > 2 && t.startsWith("-p")) {
                        add(w.start() + 2, w.end(), text, out);
                    }
                }
                case REDIS -> {
                    if (t.equals("-a") && next != null) {
                        add(next.start(), next.end(), text, out);
                        k++;
                    }
                }
                case CURL -> {
                    Word cred = t.equals("-u") || t.equals("--user") || t.equals("--proxy-user") ? next
                            : t.startsWith("-u") && t.length() > 2 ? new Word(w.start() + 2, w.end(), t.substring(2)) : null;
                    int colon = cred == null ? -1 : cred.text().indexOf(':');
                    if (colon >= 0) {
                        add(cred.start() + colon + 1, cred.end(), text, out);
                    }
                }
                case SQLPLUS -> {
                    int slash = t.indexOf('/');
                    if (!t.startsWith("-") && slash > 0 && !t.contains("://")) {
                        int at = t.indexOf('@', slash);
                        add(w.start() + slash + 1, at < 0 ? w.end() : w.start() + at, text, out);
                        f = Family.NONE;
                    }
                }
                default -> {
                }
            }
        }
        return f;
    }

    private static Family family(String word, String next) {
        String t = word;
        int slash = t.lastIndexOf('/');
        if (slash >= 0 && slash < t.length() - 1) {
            t = t.substring(slash + 1); // /usr/bin/mysql
        }
        t = t.toLowerCase(Locale.ROOT);
        if (MYSQL.contains(t)) {
            return Family.MYSQL;
        }
        if (LOGIN.contains(t) && next.toLowerCase(Locale.ROOT).equals("login")) {
            return Family.LOGIN;
        }
        return switch (t) {
            case "sshpass" -> Family.SSHPASS;
            case "redis-cli", "keydb-cli" -> Family.REDIS;
            case "curl" -> Family.CURL;
            case "sqlplus" -> Family.SQLPLUS;
            case "htpasswd" -> Family.HTPASSWD;
            default -> Family.NONE;
        };
    }

    /** {@code htpasswd -b[c] FILE USER PASSWORD}, {@code htpasswd -nb USER PASSWORD}. */
    private static void htpasswd(List<Word> words, int from, List<SecretSpan> out) {
        boolean batch = false;
        boolean noFile = false;
        List<Word> positional = new ArrayList<>();
        for (int k = from; k < words.size() && positional.size() < 3; k++) {
            String t = words.get(k).text();
            if (t.equals("|") || t.equals("&&") || t.equals(";") || t.equals(">")) {
                break;
            }
            if (t.startsWith("-") && positional.isEmpty()) {
                batch |= t.indexOf('b') > 0;
                noFile |= t.indexOf('n') > 0;
            } else {
                positional.add(words.get(k));
            }
        }
        int idx = noFile ? 1 : 2;
        if (batch && positional.size() > idx) {
            Word p = positional.get(idx);
            if (SecretValues.mayBeSecret(p.text())) {
                out.add(new SecretSpan(p.start(), p.end(), SecretType.COMMAND_LINE_PASSWORD));
            }
        }
    }

    private static void add(int start, int end, String text, List<SecretSpan> out) {
        if (end > start && SecretValues.mayBeSecret(text.substring(start, end))) {
            out.add(new SecretSpan(start, end, SecretType.COMMAND_LINE_PASSWORD));
        }
    }
}
