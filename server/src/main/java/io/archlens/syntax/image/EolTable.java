package io.archlens.syntax.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-life table {@code archlens/data/docker-eol.tsv} (see its header for the pattern syntax), loaded once.
 * A row applies from its date on, so announced end-of-life dates start firing by themselves. One table for every
 * kind that names images: Dockerfile base images, Compose services, Kubernetes containers.
 */
public final class EolTable {
    public static final String RESOURCE = "archlens/data/docker-eol.tsv";

    /** One row: image key (or *), tag pattern, end-of-life date, advice. */
    public record Entry(String image, String pattern, LocalDate eol, String advice) {
        boolean matches(String key, String tag) {
            if (!image.equals("*") && !image.equals(key)) {
                return false;
            }
            if (pattern.equals("*")) {
                return true;
            }
            if (tag == null || tag.isEmpty()) {
                return false;
            }
            String t = tag.toLowerCase(Locale.ROOT);
            boolean anyPart = pattern.startsWith("~");
            String p = anyPart ? pattern.substring(1) : pattern;
            int k = 0;
            while (k < p.length() && Character.isLetter(p.charAt(k))) {
                k++;
            }
            String letters = p.substring(0, k);
            String rest = p.substring(k);
            boolean less = rest.startsWith("<");
            int[] want = version(less ? rest.substring(1) : rest);
            if (!anyPart) {
                return part(t, letters, less, want, false);
            }
            for (String part : t.split("-")) {
                if (part(part, letters, less, want, true)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean part(String t, String letters, boolean less, int[] want, boolean whole) {
            if (!t.startsWith(letters)) {
                return false;
            }
            String r = t.substring(letters.length());
            if (want.length == 0) {
                return whole ? r.isEmpty() : r.isEmpty() || r.charAt(0) == '-' || r.charAt(0) == '.';
            }
            int[] have = version(leadingVersion(r));
            if (have.length == 0) {
                return false;
            }
            if (less) {
                for (int i = 0; i < want.length; i++) {
                    if (i >= have.length) {
                        return false;
                    }
                    if (have[i] != want[i]) {
                        return have[i] < want[i];
                    }
                }
                return false;
            }
            if (have.length < want.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (have[i] != want[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Entry> ENTRIES = load();

    private EolTable() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    static String leadingVersion(String s) {
        int k = 0;
        while (k < s.length() && (Character.isDigit(s.charAt(k)) || s.charAt(k) == '.')) {
            k++;
        }
        return s.substring(0, k);
    }

    static int[] version(String v) {
        if (v.isEmpty()) {
            return new int[0];
        }
        String[] parts = v.split("\\.");
        List<Integer> out = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 9) {
                break;
            }
            out.add(Integer.parseInt(p));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The first row for this image (rows naming the image before {@code *} rows) that matches and whose date is on
     * or before {@code today}, or null.
     */
    public static Entry match(String key, String tag, LocalDate today) {
        // the same images come back file after file (and rule after rule): each is matched against the rows once
        String k = key + '\n' + tag + '\n' + today;
        java.util.Optional<Entry> known = MATCHED.get(k);
        if (known == null) {
            if (MATCHED.size() > 4096) {
                MATCHED.clear();
            }
            known = java.util.Optional.ofNullable(scan(key, tag, today));
            MATCHED.put(k, known);
        }
        return known.orElse(null);
    }

    private static final java.util.Map<String, java.util.Optional<Entry>> MATCHED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Entry scan(String key, String tag, LocalDate today) {
        for (int pass = 0; pass < 2; pass++) {
            for (Entry e : ENTRIES) {
                if (e.image.equals("*") == (pass == 0)) {
                    continue;
                }
                if (!e.eol.isAfter(today) && e.matches(key, tag)) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * "past its end of life (date): no more security fixes; advice" for an image reference (registry and tag as
     * written), or null when it is not known to be past its end of life today.
     */
    public static String pastEndOfLife(ImageRef image) {
        if (image.templated()) {
            return null;
        }
        Entry e = match(image.key(), image.tag(), today());
        return e == null ? null : "past its end of life (" + e.eol() + "): no more security fixes; " + e.advice();
    }

    /** Today in UTC; tests may pin it with the system property {@code archlens.today} (YYYY-MM-DD). */
    public static LocalDate today() {
        String pinned = System.getProperty("archlens.today");
        if (pinned != null) {
            try {
                return LocalDate.parse(pinned.trim());
            } catch (DateTimeParseException e) {
                // fall through to the clock
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    static List<Entry> parse(BufferedReader r) throws IOException {
        List<Entry> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 4) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": expected 4 tab-separated columns");
            }
            out.add(new Entry(cols[0].trim().toLowerCase(Locale.ROOT), cols[1].trim(), LocalDate.parse(cols[2].trim()),
                    cols[3].trim()));
        }
        return List.copyOf(out);
    }

    private static List<Entry> load() {
        try (InputStream in = EolTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
