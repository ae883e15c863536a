package io.archlens.syntax.spring;

import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document of a Spring configuration file: a {@code ---} separated YAML document or a {@code #---}
 * separated part of a .properties file. {@code activation} is the document's profile expression
 * ({@code spring.config.activate.on-profile} or legacy {@code spring.profiles}), null when it has none.
 */
public final class SpringDocument {
    private final int index;
    private final TextRange range;
    private final List<SpringProperty> properties;
    private final Map<String, List<SpringProperty>> byCanonical = new LinkedHashMap<>();
    private final Map<String, TextRange> prefixRanges;
    private final YMap yamlRoot;
    private final String activation;
    private final SpringProperty activationProperty;
    private final boolean devOnly;
    private final boolean unconditional;

    SpringDocument(int index, TextRange range, List<SpringProperty> properties, Map<String, TextRange> prefixRanges,
            YMap yamlRoot, String fileProfile, boolean testScope) {
        this.index = index;
        this.range = range;
        this.properties = List.copyOf(properties);
        this.prefixRanges = prefixRanges;
        this.yamlRoot = yamlRoot;
        for (SpringProperty p : properties) {
            byCanonical.computeIfAbsent(p.canonical(), k -> new ArrayList<>(1)).add(p);
        }
        SpringProperty act = null;
        String expr = null;
        List<String> alternatives = new ArrayList<>();
        for (SpringProperty p : properties) {
            if (!p.canonical().startsWith("spring.")) {
                continue;
            }
            String c = RelaxedNames.withoutIndices(p.canonical());
            boolean onProfile = c.equals("spring.config.activate.onprofile");
            boolean legacy = c.equals("spring.profiles");
            if ((onProfile || legacy) && !p.value().isBlank()) {
                if (act == null || onProfile) {
                    act = p;
                }
                alternatives.add(p.value().trim());
            }
        }
        if (act != null) {
            expr = String.join(" | ", alternatives);
        }
        this.activation = expr;
        this.activationProperty = act;
        boolean fileDev = testScope || (fileProfile != null && Profiles.isDevName(fileProfile));
        this.devOnly = fileDev || Profiles.devOnly(expr);
        this.unconditional = fileProfile == null && expr == null;
    }

    public int index() {
        return index;
    }

    public TextRange range() {
        return range;
    }

    public List<SpringProperty> properties() {
        return properties;
    }

    /** The root mapping for YAML documents (null for .properties and for empty or non-mapping documents). */
    public YMap yamlRoot() {
        return yamlRoot;
    }

    public String activation() {
        return activation;
    }

    public SpringProperty activationProperty() {
        return activationProperty;
    }

    /** True when the document only applies to development/test profiles (or the file is test-scoped). */
    public boolean devOnly() {
        return devOnly;
    }

    /** True when the document applies to every profile (no profile in the file name, no activation). */
    public boolean unconditional() {
        return unconditional;
    }

    /** The last (effective) property with this canonical key, or null. */
    public SpringProperty get(String canonical) {
        List<SpringProperty> l = byCanonical.get(canonical);
        return l == null ? null : l.get(l.size() - 1);
    }

    /** Every property with this canonical key, in source order. */
    public List<SpringProperty> all(String canonical) {
        return byCanonical.getOrDefault(canonical, Collections.emptyList());
    }

    public boolean has(String canonical) {
        return byCanonical.containsKey(canonical);
    }

    /** True when the key or anything below it is set ({@code spring.jpa} for {@code spring.jpa.show-sql}). */
    public boolean hasPrefix(String canonicalPrefix) {
        return prefixRanges.containsKey(canonicalPrefix);
    }

    /**
     * Where a key prefix is first written: the YAML key node for {@code spring.jpa} ({@code jpa:}), or the
     * {@code spring.jpa} part of the first .properties key starting with it. Null when absent.
     */
    public TextRange prefixRange(String canonicalPrefix) {
        return prefixRanges.get(canonicalPrefix);
    }

    /** Properties whose canonical key starts with {@code prefix.} or {@code prefix[}, in source order. */
    public List<SpringProperty> under(String canonicalPrefix) {
        List<SpringProperty> out = new ArrayList<>();
        for (SpringProperty p : properties) {
            String c = p.canonical();
            if (c.length() > canonicalPrefix.length() && c.startsWith(canonicalPrefix)
                    && (c.charAt(canonicalPrefix.length()) == '.' || c.charAt(canonicalPrefix.length()) == '[')) {
                out.add(p);
            }
        }
        return out;
    }

    /** One element of a list-valued property: its text and exact range. */
    public record Item(String value, TextRange range, SpringProperty property) {
    }

    /**
     * The elements of a list property, in either spelling: a comma-separated scalar ({@code a,b}) or indexed
     * entries ({@code key[0]}, {@code key[1]} / a YAML sequence). Ranges are exact per element when the scalar is
     * written without escapes.
     */
    public List<Item> list(String canonical, String sourceText) {
        List<Item> out = new ArrayList<>();
        SpringProperty direct = get(canonical);
        if (direct != null) {
            splitCommas(direct, sourceText, out);
        }
        for (int i = 0; ; i++) {
            SpringProperty p = get(canonical + "[" + i + "]");
            if (p == null) {
                break;
            }
            splitCommas(p, sourceText, out);
        }
        return out;
    }

    private static void splitCommas(SpringProperty p, String text, List<Item> out) {
        TextRange vr = p.valueRange();
        String raw = vr.end() <= text.length() ? text.substring(vr.start(), vr.end()) : "";
        int base = vr.start();
        int innerStart = 0;
        int innerEnd = raw.length();
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
                && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
            innerStart = 1;
            innerEnd = raw.length() - 1;
        }
        String inner = raw.substring(innerStart, innerEnd);
        boolean exact = inner.equals(p.value());
        if (!exact) {
            for (String part : p.value().split(",")) {
                if (!part.isBlank()) {
                    out.add(new Item(part.trim(), vr, p));
                }
            }
            return;
        }
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            if (i == inner.length() || inner.charAt(i) == ',') {
                int s = start;
                int e = i;
                while (s < e && Character.isWhitespace(inner.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(inner.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    int off = base + innerStart;
                    out.add(new Item(inner.substring(s, e), new TextRange(off + s, off + e), p));
                }
                start = i + 1;
            }
        }
    }
}
