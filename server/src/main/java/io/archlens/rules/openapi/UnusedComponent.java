package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Tag;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/** Components nothing refers to ({@code $ref}, or a security requirement for schemes). */
public final class UnusedComponent implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/unused-component",
            "Component is never referenced", Severity.HINT, Category.MAINTAINABILITY, FileKind.OPENAPI).withFix()
            .tagged(Tag.UNNECESSARY);

    private static final List<String> SECTIONS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.root() == null) {
            return;
        }
        // every local $ref, grouped by the pointer's first two segments after the prefix ("components/schemas/X")
        Map<String, List<TextRange>> refsByTarget = new HashMap<>();
        Refs.forEach(doc.root(), (owner, ref) -> {
            String key = targetKey(ref.value());
            if (key != null) {
                refsByTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(ref.range());
            }
        });
        Set<String> schemesUsed = new HashSet<>();
        addSchemes(doc.root().get("security"), schemesUsed);
        for (Operation op : doc.operations()) {
            addSchemes(op.get("security"), schemesUsed);
        }
        for (String section : SECTIONS) {
            YMap m = doc.section(section);
            if (m == null || doc.swagger2() && !List.of("schemas", "responses", "parameters", "securitySchemes")
                    .contains(section)) {
                continue;
            }
            String prefix = doc.swagger2() ? "#/" + (section.equals("schemas") ? "definitions"
                    : section.equals("securitySchemes") ? "securityDefinitions" : section) + "/"
                    : "#/components/" + section + "/";
            for (YEntry e : m.entries()) {
                String name = e.keyText();
                if (name == null) {
                    continue;
                }
                if (section.equals("securitySchemes") ? schemesUsed.contains(name)
                        : referenced(refsByTarget.get(prefix + name), e.value().range())) {
                    continue;
                }
                String msg = (doc.swagger2() ? "" : "components.") + section + "." + name + " is never referenced:"
                        + " dead contract that readers must still understand and keep in sync; remove it (or"
                        + " reference it where it was meant to be used)";
                Edit rm = doc.edits().removeEntry(m, e);
                if (rm == null) {
                    ctx.report(e.key().range(), msg);
                } else {
                    ctx.report(e.key().range(), msg, Fix.unsafe("Remove " + name, rm));
                }
            }
        }
    }

    /** True when a $ref outside the component itself ({@code own}) points at it. */
    private static boolean referenced(List<TextRange> refs, TextRange own) {
        if (refs == null) {
            return false;
        }
        for (TextRange r : refs) {
            if (r.start() < own.start() || r.end() > own.end()) {
                return true; // a recursive schema referring to itself does not make it used
            }
        }
        return false;
    }

    /**
     * "#/components/schemas/Order/properties/id" -> "#/components/schemas/Order" (unescaped), for 3.x and the
     * 2.0 sections; null for external or malformed references.
     */
    static String targetKey(String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0) {
            return null;
        }
        String local = ref.substring(hash);
        if (local.indexOf('%') >= 0) {
            try {
                local = URLDecoder.decode(local.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String[] parts = local.split("/", -1);
        int nameAt = parts.length > 1 && parts[1].equals("components") ? 3 : 2;
        if (parts.length <= nameAt || !parts[0].equals("#")) {
            return null;
        }
        StringBuilder sb = new StringBuilder("#");
        for (int i = 1; i <= nameAt; i++) {
            sb.append('/').append(i == nameAt ? parts[i].replace("~1", "/").replace("~0", "~") : parts[i]);
        }
        return sb.toString();
    }

    private static void addSchemes(YNode security, Set<String> out) {
        if (security instanceof YSeq s) {
            for (YNode req : s.items()) {
                if (req instanceof YMap m) {
                    for (YEntry e : m.entries()) {
                        out.add(e.keyText());
                    }
                }
            }
        }
    }
}
