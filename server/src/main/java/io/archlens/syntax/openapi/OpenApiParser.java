package io.archlens.syntax.openapi;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the OpenAPI model: YAML through {@link YamlParser}, JSON through {@link JsonTree}. Never throws. */
public final class OpenApiParser {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiParser() {
    }

    /**
     * The operation's own map, or what its {@code $ref} points to in this file (bundled specs write
     * {@code get: {$ref: ...}}); null for an operation kept in another file: its id, description and responses
     * are there, so judging the reference would report all of them as missing.
     */
    private static YMap operationMap(YMap root, YMap op) {
        YMap cur = op;
        for (int hops = 0; hops < 8 && cur.get("$ref") != null; hops++) {
            String ref = cur.getText("$ref");
            if (ref == null || !ref.startsWith("#/")) {
                return null;
            }
            YNode n = root;
            for (String seg : ref.substring(2).split("/")) {
                String key = seg.replace("~1", "/").replace("~0", "~");
                n = n instanceof YMap mm ? mm.get(key) : null;
            }
            if (!(n instanceof YMap next)) {
                return null;
            }
            cur = next;
        }
        return cur.get("$ref") != null ? null : cur;
    }

    public static Parsed<OpenApiDoc> parse(SourceFile file) {
        boolean json = file.path().toLowerCase().endsWith(".json") || JsonTree.looksLikeJson(file.text());
        Parsed<YamlFile> yaml = json ? JsonTree.parse(file) : YamlParser.parse(file);
        List<ParseIssue> issues = new ArrayList<>(yaml.issues());
        YamlFile y = yaml.model();
        YMap root = null;
        for (YamlDocument d : y.documents()) {
            if (d.root() instanceof YMap m) {
                root = m;
                break;
            }
        }
        int major = 3;
        YEntry version = null;
        List<Operation> ops = new ArrayList<>();
        if (root != null) {
            version = root.entry("openapi");
            if (version == null) {
                version = root.entry("swagger");
                if (version != null) {
                    major = 2;
                }
            }
            if (root.get("paths") instanceof YMap paths) {
                for (YEntry pe : paths.entries()) {
                    if (pe.keyText() == null || !(pe.value() instanceof YMap item)) {
                        continue;
                    }
                    for (YEntry me : item.entries()) {
                        String m = me.keyText();
                        if (m != null && METHODS.contains(m) && me.value() instanceof YMap op) {
                            YMap target = operationMap(root, op);
                            if (target != null) {
                                ops.add(new Operation(pe.keyText(), pe, item, m, me, target));
                            }
                        }
                    }
                }
            }
        } else if (y.complete() && !file.text().isBlank()) {
            issues.add(ParseIssue.notAnalyzed(new TextRange(0, file.lines().lineEnd(0)),
                    "No top-level mapping: not analysed as an OpenAPI document"));
        }
        return new Parsed<>(new OpenApiDoc(y, root, major, version, ops, YamlEdits.of(file, y)), issues);
    }
}
