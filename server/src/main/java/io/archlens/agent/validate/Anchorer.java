package io.archlens.agent.validate;

import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a finding by the text it quotes, not by its line number: first an exact match, then one that
 * tolerates different whitespace (indentation, line breaks, runs of spaces). When the quote occurs several
 * times, the occurrence nearest to the line hint wins. A quote found nowhere anchors nothing.
 */
public final class Anchorer {
    private static final int MIN_SIGNIFICANT = 3;
    private static final int MAX_QUOTE = 2000;

    private Anchorer() {
    }

    public static Optional<TextRange> anchor(String text, String quote, Integer lineHint) {
        return anchor(text, null, quote, lineHint);
    }

    /** As above, with the text's line index when the caller already has one. */
    public static Optional<TextRange> anchor(String text, LineIndex lineIndex, String quote, Integer lineHint) {
        if (quote == null) {
            return Optional.empty();
        }
        String q = quote.strip();
        if (q.replaceAll("\\s+", "").length() < MIN_SIGNIFICANT || q.length() > MAX_QUOTE) {
            return Optional.empty();
        }
        List<TextRange> hits = new ArrayList<>();
        for (int at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
            hits.add(new TextRange(at, at + q.length()));
        }
        if (hits.isEmpty()) {
            String[] words = q.split("\\s+");
            StringBuilder re = new StringBuilder();
            for (String w : words) {
                if (re.length() > 0) {
                    re.append("\\s+");
                }
                re.append(Pattern.quote(w));
            }
            Matcher m = Pattern.compile(re.toString()).matcher(text);
            while (m.find()) {
                hits.add(new TextRange(m.start(), m.end()));
            }
        }
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        if (hits.size() == 1 || lineHint == null) {
            return Optional.of(hits.get(0));
        }
        LineIndex lines = lineIndex != null ? lineIndex : LineIndex.of(text);
        int hint = Math.max(0, lineHint - 1);
        TextRange best = hits.get(0);
        int bestDist = Integer.MAX_VALUE;
        for (TextRange r : hits) {
            int d = Math.abs(lines.lineOf(r.start()) - hint);
            if (d < bestDist) {
                best = r;
                bestDist = d;
            }
        }
        return Optional.of(best);
    }
}
