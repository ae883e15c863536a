package io.archlens.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds secrets in plain text, whatever the file kind: token shapes ({@link TokenShapes}), URL passwords
 * ({@link UrlPasswords}), and line by line the values of secret-named keys ({@link Assignments}), command-line
 * passwords ({@link CommandLines}), SQL passwords ({@link SqlPasswords}) and header/directive values
 * ({@link Headers}). Every step is a linear scan (see each class), so the whole scan is linear in the text.
 */
public final class SecretScanner {
    private SecretScanner() {
    }

    /**
     * Secret spans in the text, unsorted and possibly overlapping. {@code code}: the text is program source,
     * where a bare value after {@code =} is an expression, not a literal.
     */
    public static List<SecretSpan> scan(String text, boolean code) {
        List<SecretSpan> out = new ArrayList<>();
        TokenShapes.find(text, 0, out);
        for (UrlPasswords.UrlPassword p : UrlPasswords.find(text)) {
            if (SecretValues.mayBeSecret(text.substring(p.start(), p.end()))) {
                out.add(new SecretSpan(p.start(), p.end(), SecretType.URL_PASSWORD));
            }
        }
        CommandLines.Family family = CommandLines.Family.NONE;
        boolean continued = false;
        CommandLines.Word lastWord = null;
        int ls = 0;
        int n = text.length();
        while (ls <= n) {
            int le = ls;
            while (le < n && text.charAt(le) != '\n' && text.charAt(le) != '\r') {
                le++;
            }
            Assignments.scan(text, ls, le, code, out);
            SqlPasswords.scan(text, ls, le, out);
            List<CommandLines.Word> words = CommandLines.words(text, ls, le);
            boolean item = listItem(text, ls, le);
            List<CommandLines.Word> command = words;
            if (!continued && !item) {
                family = CommandLines.Family.NONE;
            } else if (lastWord != null) {
                // a flag at the end of the previous line takes its value from this one (-a \n secret, YAML list items)
                command = new ArrayList<>(words.size() + 1);
                command.add(lastWord);
                command.addAll(item && !words.isEmpty() && words.get(0).text().equals("-") ? words.subList(1, words.size())
                        : words);
            }
            family = CommandLines.scan(text, command, family, out);
            Headers.scan(text, ls, le, words, out);
            lastWord = words.isEmpty() ? null : words.get(words.size() - 1);
            int last = le - 1;
            while (last >= ls && (text.charAt(last) == ' ' || text.charAt(last) == '\t')) {
                last--;
            }
            continued = last >= ls && (text.charAt(last) == '\\' || text.charAt(last) == ',' || text.charAt(last) == '[');
            if (le >= n) {
                break;
            }
            ls = le + 1;
        }
        return out;
    }

    /** A YAML list item line ({@code - value}). */
    private static boolean listItem(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i + 1 < to && text.charAt(i) == '-' && text.charAt(i + 1) == ' ';
    }

    /**
     * The known credential format the value matches, or null: a token shape anywhere in the value, or an AWS
     * secret access key (40 characters) under a key named like one.
     */
    public static SecretType shape(String key, String value) {
        if (value == null || value.length() < 15) {
            return null;
        }
        SecretType t = TokenShapes.first(value);
        if (t != null) {
            return t;
        }
        return key != null && SecretKeys.isAwsSecretKey(key) && Assignments.awsSecretShape(value)
                ? SecretType.AWS_SECRET_KEY : null;
    }
}
