package io.archlens.analysis;

import io.archlens.config.Settings;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Applying edits to text, and fix-all: apply every safe fix, re-analyse, repeat until stable. */
public final class Fixes {
    private static final int MAX_ROUNDS = 10;

    private Fixes() {
    }

    /** Applies non-overlapping edits; throws IllegalArgumentException when two edits overlap. */
    public static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing(Edit::range));
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int pos = 0;
        for (Edit e : sorted) {
            TextRange r = e.range();
            if (r.start() < pos || r.end() > text.length()) {
                throw new IllegalArgumentException("overlapping or out-of-range edit at " + r);
            }
            sb.append(text, pos, r.start()).append(e.newText());
            pos = r.end();
        }
        sb.append(text, pos, text.length());
        return sb.toString();
    }

    /** Picks the safe fixes whose edits do not overlap an already-picked one, in document order. */
    public static List<Edit> nonOverlappingSafeEdits(List<Finding> findings) {
        return nonOverlappingEdits(findings, false);
    }

    /** As {@link #nonOverlappingSafeEdits}; with {@code unsafe} a finding's first fix is taken even when unsafe. */
    public static List<Edit> nonOverlappingEdits(List<Finding> findings, boolean unsafe) {
        List<Edit> picked = new ArrayList<>();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::range));
        for (Finding f : sorted) {
            for (Fix fix : f.fixes()) {
                if (!fix.safe() && !unsafe) {
                    continue;
                }
                boolean clash = false;
                for (Edit e : fix.edits()) {
                    for (Edit p : picked) {
                        if (overlaps(e.range(), p.range())) {
                            clash = true;
                        }
                    }
                }
                if (!clash) {
                    picked.addAll(fix.edits());
                }
                break;
            }
        }
        return picked;
    }

    private static boolean overlaps(TextRange a, TextRange b) {
        if (a.isEmpty() && b.isEmpty()) {
            return a.start() == b.start();
        }
        return a.start() < b.end() && b.start() < a.end() || (a.isEmpty() && a.start() > b.start() && a.start() < b.end())
                || (b.isEmpty() && b.start() > a.start() && b.start() < a.end());
    }

    /**
     * Fix-all over a snapshot. {@code analyze} maps a text to its findings. Returns the final text (equal to
     * the input when nothing was fixable).
     */
    public static String fixAll(String text, Function<String, List<Finding>> analyze) {
        return fixAll(text, null, analyze, Long.MAX_VALUE);
    }

    /**
     * Fix-all starting from {@code first} (the findings of {@code text}, already computed; null: analyse it), with
     * no new round started after {@code budgetNanos}: the editor asks for code actions on every cursor move, and on
     * a very large file each round is a full analysis. Stopping early still returns a text with only safe fixes
     * applied; the next request goes on from there.
     */
    public static String fixAll(String text, List<Finding> first, Function<String, List<Finding>> analyze,
            long budgetNanos) {
        return fixAll(text, first, analyze, budgetNanos, false);
    }

    /** As above; {@code unsafe} also applies unsafe fixes (the command line's --unsafe-fixes). */
    public static String fixAll(String text, List<Finding> first, Function<String, List<Finding>> analyze,
            long budgetNanos, boolean unsafe) {
        long start = System.nanoTime();
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0 && System.nanoTime() - start > budgetNanos) {
                break;
            }
            List<Finding> findings = round == 0 && first != null ? first : analyze.apply(current);
            List<Edit> edits = nonOverlappingEdits(findings, unsafe);
            if (edits.isEmpty()) {
                break;
            }
            String next;
            try {
                next = apply(current, edits);
            } catch (IllegalArgumentException e) {
                break;
            }
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** The smallest single edit turning {@code before} into {@code after} (common prefix and suffix kept). */
    public static Edit minimalEdit(String before, String after) {
        int prefix = 0;
        int max = Math.min(before.length(), after.length());
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        // don't split a surrogate pair
        if (prefix > 0 && Character.isHighSurrogate(before.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && Character.isLowSurrogate(before.charAt(before.length() - suffix))) {
            suffix--;
        }
        return new Edit(new TextRange(prefix, before.length() - suffix),
                after.substring(prefix, after.length() - suffix));
    }

    /** Convenience: fix-all with the rule book on one file snapshot. */
    public static String fixAll(RuleBook book, SourceFile file, Settings settings) {
        return fixAll(file.text(), t -> book.analyze(new SourceFile(file.uri(), file.path(), t, file.kind(),
                file.version()), settings).findings());
    }

    /** The editor's fix-all: the first round from the findings already shown, later rounds within a budget. */
    public static String fixAll(RuleBook book, SourceFile file, List<Finding> findings, Settings settings,
            long budgetNanos) {
        return fixAll(file.text(), findings, t -> book.analyze(new SourceFile(file.uri(), file.path(), t, file.kind(),
                file.version()), settings).findings(), budgetNanos);
    }
}
