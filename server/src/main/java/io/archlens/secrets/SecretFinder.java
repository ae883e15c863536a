package io.archlens.secrets;

import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclParser;
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

/**
 * The one secret detector over a whole file: {@link SecretScanner} on the text, plus what only the structure
 * shows. YAML: every value under {@code data}/{@code stringData} of a Kubernetes {@code Secret} (also inside a
 * {@code kind: List}), {@code name}/{@code value} pairs with a secret-like name (Kubernetes env, ECS task
 * definitions), block scalars under secret-like keys. Terraform: the {@code default} of a {@code variable} whose
 * name is secret-like or that is {@code sensitive = true}.
 */
public final class SecretFinder {
    private static final int MAX_DEPTH = 200;

    private SecretFinder() {
    }

    /** Secret spans of the file, sorted by start, overlapping spans merged (the first one's type kept). */
    public static List<SecretSpan> find(SourceFile file) {
        String text = file.text();
        List<SecretSpan> spans = SecretScanner.scan(text, file.kind().isSourceCode());
        if (file.kind().isYaml()) {
            yaml(file, spans);
        } else if (file.kind() == FileKind.TERRAFORM) {
            terraform(file, spans);
        }
        return merge(spans);
    }

    static List<SecretSpan> merge(List<SecretSpan> raw) {
        List<SecretSpan> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingInt(SecretSpan::start)
                .thenComparing(Comparator.comparingInt(SecretSpan::end).reversed()));
        List<SecretSpan> merged = new ArrayList<>();
        for (SecretSpan s : sorted) {
            SecretSpan last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s.start() < last.end()) {
                merged.set(merged.size() - 1, new SecretSpan(last.start(), Math.max(last.end(), s.end()), last.type()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private static void yaml(SourceFile file, List<SecretSpan> spans) {
        var parsed = YamlParser.parse(file);
        for (YamlDocument doc : parsed.model().documents()) {
            walk(file.text(), doc.root(), spans, 0);
        }
    }

    private static void walk(String text, YNode n, List<SecretSpan> spans, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (n instanceof YMap m) {
            if ("Secret".equals(m.getText("kind"))) {
                for (String section : new String[] {"data", "stringData"}) {
                    if (m.get(section) instanceof YMap data) {
                        for (YEntry e : data.entries()) {
                            scalar(text, e.value(), SecretType.KUBERNETES_SECRET, spans);
                        }
                    }
                }
            }
            String name = m.get("name") instanceof YScalar s ? s.value() : m.get("Name") instanceof YScalar s2 ? s2.value() : null;
            YNode value = m.get("value") != null ? m.get("value") : m.get("Value");
            if (name != null && value instanceof YScalar && SecretKeys.isSecretKey(name)) {
                scalar(text, value, SecretType.SECRET_VALUE, spans);
            }
            for (YEntry e : m.entries()) {
                String k = e.keyText();
                if (k != null && e.value() instanceof YScalar && SecretKeys.isSecretKey(k)) {
                    scalar(text, e.value(), SecretType.SECRET_VALUE, spans);
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

    private static void scalar(String text, YNode n, SecretType type, List<SecretSpan> spans) {
        if (!(n instanceof YScalar s) || s.isNull() || !SecretValues.mayBeSecret(s.value())) {
            return;
        }
        add(text, s.range(), type, spans);
    }

    /** The range without its surrounding quotes. */
    private static void add(String text, TextRange r, SecretType type, List<SecretSpan> spans) {
        int start = r.start();
        int end = Math.min(r.end(), text.length());
        if (end - start >= 2) {
            char c = text.charAt(start);
            if ((c == '"' || c == '\'') && text.charAt(end - 1) == c) {
                start++;
                end--;
            }
        }
        if (end > start) {
            spans.add(new SecretSpan(start, end, type));
        }
    }

    private static void terraform(SourceFile file, List<SecretSpan> spans) {
        var parsed = HclParser.parse(file);
        for (HclBlock b : parsed.model().body().blocks()) {
            if (!b.type().equals("variable") || !(b.value("default") instanceof HclExpr.Str def) || def.template()) {
                continue;
            }
            boolean sensitive = b.value("sensitive") instanceof HclExpr.Bool t && t.value();
            String name = b.label(0);
            if ((sensitive || name != null && SecretKeys.isSecretKey(name)) && SecretValues.mayBeSecret(def.value())) {
                add(file.text(), def.range(), SecretType.SECRET_VALUE, spans);
            }
        }
    }
}
