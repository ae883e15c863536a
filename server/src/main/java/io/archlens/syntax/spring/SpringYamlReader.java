package io.archlens.syntax.spring;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring's view of an {@code application*.yml}: each YAML document flattened to dotted keys the way Spring Boot
 * does ({@code spring: {jpa: {show-sql: true}}} is {@code spring.jpa.show-sql}; sequences become
 * {@code key[0]}, {@code key[1]}; merge keys are followed). Parsing is {@link YamlParser}'s; this class only
 * flattens and keeps the ranges.
 */
public final class SpringYamlReader {
    /** Flattened properties per document before the rest is skipped (guards against alias expansion). */
    public static final int MAX_PROPERTIES_PER_DOCUMENT = 50_000;

    private SpringYamlReader() {
    }

    public static Parsed<SpringConfig> parse(SourceFile file) {
        Parsed<YamlFile> yaml = YamlParser.parse(file);
        List<ParseIssue> issues = new ArrayList<>(yaml.issues());
        String fileProfile = Profiles.fromFileName(file.name());
        boolean testScope = Profiles.isTestScope(file.path());
        List<SpringDocument> docs = new ArrayList<>();
        for (YamlDocument d : yaml.model().documents()) {
            Flattener f = new Flattener(file.text(), d.index());
            YMap root = d.root() instanceof YMap m ? m : null;
            if (root != null) {
                f.map(root, "", "", root.flow(), false, false, 0);
            }
            if (f.truncated) {
                issues.add(ParseIssue.notAnalyzed(d.range().isEmpty() ? TextRange.empty(0)
                        : TextRange.empty(d.range().start()), "Document " + (d.index() + 1) + " expands to more than "
                        + MAX_PROPERTIES_PER_DOCUMENT + " properties; only the first ones are checked"));
            }
            docs.add(new SpringDocument(d.index(), d.range(), f.props, f.prefixes, root, fileProfile, testScope));
        }
        String eol = io.archlens.core.LineIndex.lineEnding(file.text());
        return new Parsed<>(new SpringConfig(SpringConfig.Format.YAML, fileProfile, testScope, docs, eol,
                yaml.model()), issues);
    }

    private static final class Flattener {
        private final String text;
        private final int docIndex;
        final List<SpringProperty> props = new ArrayList<>();
        final Map<String, TextRange> prefixes = new HashMap<>();
        boolean truncated;

        Flattener(String text, int docIndex) {
            this.text = text;
            this.docIndex = docIndex;
        }

        private static String join(String prefix, String key) {
            if (prefix.isEmpty()) {
                return key;
            }
            if (key.startsWith("[")) {
                return prefix + key;
            }
            return prefix + "." + key;
        }

        void map(YMap m, String raw, String canonical, boolean flow, boolean merged, boolean inheritedDup, int depth) {
            Set<String> seen = new HashSet<>();
            for (YEntry e : m.entries()) {
                if (props.size() >= MAX_PROPERTIES_PER_DOCUMENT) {
                    truncated = true;
                    return;
                }
                String k = e.keyText();
                if (k == null) {
                    continue;
                }
                if ("<<".equals(k) && e.key().asScalar() != null && e.key().asScalar().plain()) {
                    if (e.value() instanceof YMap mm) {
                        map(mm, raw, canonical, flow || mm.flow(), true, inheritedDup, depth + 1);
                    } else if (e.value() instanceof YSeq s) {
                        for (YNode item : s.items()) {
                            if (item instanceof YMap mm) {
                                map(mm, raw, canonical, flow || mm.flow(), true, inheritedDup, depth + 1);
                            }
                        }
                    }
                    continue;
                }
                boolean dup = !seen.add(k) || inheritedDup;
                String childRaw = join(raw, k);
                String childCanonical = RelaxedNames.canonical(childRaw);
                recordPrefixes(canonical, childCanonical, k, e.key());
                value(e.value(), childRaw, childCanonical, e.key().range(), flow, merged, dup, depth + 1);
            }
        }

        private void recordPrefixes(String parentCanonical, String childCanonical, String keyText, YNode keyNode) {
            TextRange kr = keyNode.range();
            boolean exact = kr.end() <= text.length() && text.substring(kr.start(), kr.end()).equals(keyText);
            if (keyText.indexOf('.') >= 0 && exact) {
                String base = parentCanonical;
                int recorded = 0;
                for (int j = 0; j < keyText.length() && recorded < RelaxedNames.MAX_PREFIXES; j++) {
                    if (keyText.charAt(j) == '.' && j > 0) {
                        recorded++;
                        String pre = RelaxedNames.canonical(base.isEmpty() ? keyText.substring(0, j)
                                : base + "." + keyText.substring(0, j));
                        prefixes.putIfAbsent(pre, new TextRange(kr.start(), kr.start() + j));
                    }
                }
            } else {
                for (String pre : RelaxedNames.prefixes(childCanonical)) {
                    if (pre.length() > parentCanonical.length()) {
                        prefixes.putIfAbsent(pre, kr);
                    }
                }
            }
            prefixes.putIfAbsent(childCanonical, kr);
        }

        private void value(YNode v, String raw, String canonical, TextRange keyRange, boolean flow, boolean merged,
                boolean dup, int depth) {
            if (v instanceof YMap m && !m.entries().isEmpty()) {
                map(m, raw, canonical, flow || m.flow(), merged, dup, depth);
            } else if (v instanceof YSeq s && s.size() > 0) {
                boolean f = flow || s.flow();
                for (int i = 0; i < s.size(); i++) {
                    if (props.size() >= MAX_PROPERTIES_PER_DOCUMENT) {
                        truncated = true;
                        return;
                    }
                    YNode item = s.items().get(i);
                    String r = raw + "[" + i + "]";
                    String c = canonical + "[" + i + "]";
                    prefixes.putIfAbsent(c, item.range());
                    value(item, r, c, item.range(), f, merged, dup, depth + 1);
                }
            } else if (v instanceof YScalar sc) {
                boolean isNull = sc.isNull();
                TextRange vr = sc.range();
                if (isNull && vr.isEmpty()) {
                    vr = TextRange.empty(afterColon(keyRange));
                }
                props.add(new SpringProperty(raw, canonical, isNull ? "" : sc.value(), keyRange, vr, docIndex,
                        !sc.plain(), flow, merged, dup));
            } else {
                props.add(new SpringProperty(raw, canonical, "", keyRange, v.range(), docIndex, false, flow, merged,
                        dup));
            }
        }

        private int afterColon(TextRange keyRange) {
            int i = keyRange.end();
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == ':') {
                    return i + 1;
                }
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            return keyRange.end();
        }
    }
}
