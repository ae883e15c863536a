package io.archlens.agent.redact;

import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Replaces secrets with numbered placeholders ({@code <REDACTED-1>}, ...) before a file leaves the machine:
 * token shapes (private keys, cloud keys, GitHub/OpenAI/Anthropic tokens, JWTs, URL passwords) anywhere, and
 * the values of secret-looking keys in env, compose, Kubernetes (every value of a Secret's data/stringData),
 * Spring properties/YAML and code string literals. Values that only reference a secret ({@code ${DB_PASSWORD}})
 * are kept, since they are not secrets and tell the reviewer the file is doing the right thing.
 */
public final class Redactor {
    public static final String PLACEHOLDER_PREFIX = "<REDACTED-";

    private Redactor() {
    }

    private record Span(int start, int end, String kind) {
    }

    public static Redacted redact(SourceFile file) {
        String text = file.text();
        List<Span> spans = new ArrayList<>();
        for (SecretPatterns.TokenPattern tp : SecretPatterns.TOKENS) {
            if (!tp.mayMatch(text)) {
                continue;
            }
            Matcher m = tp.pattern().matcher(text);
            while (m.find()) {
                int g = tp.group();
                if (m.start(g) >= 0 && m.end(g) > m.start(g) && (g == 0 || SecretPatterns.isSecretValue(m.group(g)))) {
                    spans.add(new Span(m.start(g), m.end(g), tp.kind()));
                }
            }
        }
        if (file.kind().isYaml()) {
            yamlValues(file, spans);
        }
        assignments(text, file.kind().isSourceCode(), spans);
        return build(text, spans);
    }

    private static void assignments(String text, boolean code, List<Span> spans) {
        Matcher m = SecretPatterns.ASSIGNMENT.matcher(text);
        while (m.find()) {
            if (!SecretPatterns.isSecretKey(m.group(1))) {
                continue;
            }
            for (int g = 2; g <= 4; g++) {
                if (m.start(g) < 0) {
                    continue;
                }
                if (g == 4 && code) {
                    break; // in code a bare value is an expression (a call, a variable), not a literal
                }
                if (SecretPatterns.isSecretValue(m.group(g))) {
                    spans.add(new Span(m.start(g), m.end(g), "secret-value"));
                }
            }
        }
    }

    private static void yamlValues(SourceFile file, List<Span> spans) {
        var parsed = YamlParser.parse(file);
        for (YamlDocument doc : parsed.model().documents()) {
            if (doc.root() instanceof YMap root) {
                boolean k8sSecret = "Secret".equals(root.getText("kind"));
                if (k8sSecret) {
                    for (String section : new String[] {"data", "stringData"}) {
                        if (root.get(section) instanceof YMap data) {
                            for (YEntry e : data.entries()) {
                                scalarSpan(file.text(), e.value(), "kubernetes-secret", spans);
                            }
                        }
                    }
                }
            }
            walk(file.text(), doc.root(), spans, 0);
        }
    }

    private static void walk(String text, YNode n, List<Span> spans, int depth) {
        if (depth > 200) {
            return;
        }
        if (n instanceof YMap m) {
            for (YEntry e : m.entries()) {
                String k = e.keyText();
                if (k != null && SecretPatterns.isSecretKey(k) && e.value() instanceof YScalar) {
                    scalarSpan(text, e.value(), "secret-value", spans);
                } else {
                    walk(text, e.value(), spans, depth + 1);
                }
            }
        } else if (n instanceof YSeq s) {
            for (YNode item : s.items()) {
                walk(text, item, spans, depth + 1);
            }
        }
    }

    private static void scalarSpan(String text, YNode n, String kind, List<Span> spans) {
        if (!(n instanceof YScalar s) || s.isNull() || !SecretPatterns.isSecretValue(s.value())) {
            return;
        }
        TextRange r = s.range();
        int start = r.start();
        int end = r.end();
        if (end - start >= 2) {
            char c = text.charAt(start);
            if ((c == '"' || c == '\'') && text.charAt(end - 1) == c) {
                start++;
                end--;
            }
        }
        if (end > start) {
            spans.add(new Span(start, end, kind));
        }
    }

    private static Redacted build(String text, List<Span> raw) {
        if (raw.isEmpty()) {
            return Redacted.none(text);
        }
        raw.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> merged = new ArrayList<>();
        for (Span s : raw) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s.start() < last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), s.end()), last.kind()));
            } else {
                merged.add(s);
            }
        }
        StringBuilder sb = new StringBuilder(text.length());
        List<Redaction> out = new ArrayList<>();
        int pos = 0;
        int n = 0;
        for (Span s : merged) {
            sb.append(text, pos, s.start());
            String ph = PLACEHOLDER_PREFIX + (++n) + ">";
            int at = sb.length();
            sb.append(ph);
            out.add(new Redaction(n, s.kind(), new TextRange(s.start(), s.end()), new TextRange(at, sb.length()), ph));
            pos = s.end();
        }
        sb.append(text, pos, text.length());
        return new Redacted(text, sb.toString(), out);
    }
}
