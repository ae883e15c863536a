package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Path segments mixing kebab-case, snake_case and camelCase across the API; the minority style is reported. */
public final class PathCasing implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/inconsistent-path-casing",
            "Path segments mix naming styles", Severity.INFO, Category.MAINTAINABILITY, FileKind.OPENAPI);

    enum Style { KEBAB, SNAKE, CAMEL }

    private static final java.util.regex.Pattern HUMP = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[-_ .:]+");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null || !(doc.root().get("paths") instanceof YMap paths)) {
            return;
        }
        Map<Style, Integer> counts = new EnumMap<>(Style.class);
        for (YEntry p : paths.entries()) {
            for (String seg : segments(p.keyText())) {
                Style s = style(seg);
                if (s != null) {
                    counts.merge(s, 1, Integer::sum);
                }
            }
        }
        if (counts.size() < 2) {
            return;
        }
        Style dominant = Style.KEBAB;
        for (Style s : Style.values()) {
            if (counts.getOrDefault(s, 0) > counts.getOrDefault(dominant, 0)) {
                dominant = s;
            }
        }
        // one finding per offending segment (at its first path), the other paths that use it as related locations
        Map<String, List<YEntry>> bySegment = new java.util.LinkedHashMap<>();
        for (YEntry p : paths.entries()) {
            for (String seg : segments(p.keyText())) {
                Style s = style(seg);
                if (s != null && s != dominant) {
                    bySegment.computeIfAbsent(seg, k -> new ArrayList<>()).add(p);
                    break;
                }
            }
        }
        var lines = ctx.file().lines();
        for (Map.Entry<String, List<YEntry>> e : bySegment.entrySet()) {
            List<YEntry> uses = e.getValue();
            List<io.archlens.analysis.Related> related = new ArrayList<>();
            for (YEntry p : uses.subList(1, Math.min(uses.size(), 51))) {
                related.add(new io.archlens.analysis.Related(ctx.file().uri(), lines.position(p.key().range().start()),
                        lines.position(p.key().range().end()), p.keyText()));
            }
            String seg = e.getKey();
            ctx.report(uses.get(0).key().range(), "Segment '" + seg + "' is " + name(style(seg)) + " while most of the"
                    + " API uses " + name(dominant) + (uses.size() > 1 ? " (" + uses.size() + " paths use it)" : "")
                    + ": clients have to guess the spelling of every endpoint; use one style (kebab-case is the usual"
                    + " one for URLs)", List.of(), related);
        }
    }

    private static String name(Style s) {
        return switch (s) {
            case KEBAB -> "kebab-case";
            case SNAKE -> "snake_case";
            case CAMEL -> "camelCase";
        };
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        for (String seg : path.split("/")) {
            if (!seg.isEmpty() && !seg.startsWith("{") && !seg.contains(".")) {
                out.add(seg.contains(":") ? seg.substring(0, seg.indexOf(':')) : seg);
            }
        }
        return out;
    }

    static Style style(String seg) {
        boolean dash = seg.indexOf('-') > 0;
        boolean under = seg.indexOf('_') > 0;
        boolean upper = !seg.equals(seg.toLowerCase()) && Character.isLowerCase(seg.charAt(0));
        if (dash && !under && !upper) {
            return Style.KEBAB;
        }
        if (under && !dash && !upper) {
            return Style.SNAKE;
        }
        if (upper && !dash && !under) {
            return Style.CAMEL;
        }
        return null;
    }

    /** The words of a segment: split on '-', '_' and camelCase humps. */
    static List<String> words(String seg) {
        List<String> out = new ArrayList<>();
        for (String w : SEPARATORS.split(HUMP.matcher(seg).replaceAll("$1 $2"))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        if (out.isEmpty()) {
            out.add(seg);
        }
        return out;
    }
}
