package io.archlens.rules.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.archlens.core.TextRange;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM policy documents as written in Terraform: {@code jsonencode({...})}, a JSON heredoc or string, or a
 * reference to a {@code data "aws_iam_policy_document"} in the same file. Statements keep the source range
 * of each action, resource and "*" principal so findings point at them.
 */
final class PolicyDocs {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .build();

    private PolicyDocs() {
    }

    /** A value with where it is written. */
    record Val(String value, TextRange range) {
    }

    record Statement(boolean allow, List<Val> actions, List<Val> resources, Val principalStar,
            boolean hasCondition, TextRange range) {
    }

    /** The statements of a policy expression; empty when it cannot be read. */
    static List<Statement> statements(String text, HclFile f, HclExpr policy) {
        List<Statement> out = new ArrayList<>();
        if (policy == null) {
            return out;
        }
        if (policy instanceof HclExpr.Call c && c.name().equals("jsonencode") && c.args().size() == 1
                && c.args().get(0) instanceof HclExpr.Obj doc) {
            fromHclObject(doc, out);
        } else if (policy instanceof HclExpr.Ref ref && ref.parts().size() >= 3
                && ref.parts().get(0).equals("data") && ref.parts().get(1).equals("aws_iam_policy_document")) {
            String name = ref.parts().get(2);
            for (HclBlock d : f.data("aws_iam_policy_document")) {
                if (name.equals(d.label(1))) {
                    out.addAll(fromDataSource(d));
                }
            }
        } else if (policy instanceof HclExpr.Str s) {
            fromJsonString(text, s, out);
        }
        return out;
    }

    /**
     * Every identity policy document of the file, one list of statements each: the {@code policy} of
     * {@code aws_iam_*} resources and their {@code inline_policy} blocks, SSO permission sets' inline policies, and
     * {@code data "aws_iam_policy_document"} blocks.
     */
    static List<List<Statement>> documents(String text, HclFile f) {
        List<List<Statement>> out = new ArrayList<>();
        for (HclBlock r : Tf.resources(f)) {
            if (r.label(0).equals("aws_ssoadmin_permission_set_inline_policy")) {
                out.add(statements(text, f, r.value("inline_policy")));
            }
            if (!r.label(0).startsWith("aws_iam_")) {
                continue;
            }
            for (HclAttribute a : r.body().attributes()) {
                if (a.name().equals("policy")) {
                    out.add(statements(text, f, a.value()));
                }
            }
            for (HclBlock inline : r.blocks("inline_policy")) {
                out.add(statements(text, f, inline.value("policy")));
            }
        }
        for (HclBlock d : f.data("aws_iam_policy_document")) {
            out.add(fromDataSource(d));
        }
        return out;
    }

    /** Statements of a {@code data "aws_iam_policy_document"} block. */
    static List<Statement> fromDataSource(HclBlock d) {
        List<Statement> out = new ArrayList<>();
        for (HclBlock st : d.blocks("statement")) {
            String effect = Tf.attrStr(st, "effect");
            boolean allow = effect == null || effect.equalsIgnoreCase("Allow");
            Val star = null;
            for (HclBlock p : st.blocks("principals")) {
                String type = Tf.attrStr(p, "type");
                if ("*".equals(type) || "AWS".equals(type)) {
                    for (HclExpr id : Tf.items(p.value("identifiers"))) {
                        if ("*".equals(Tf.str(id))) {
                            star = new Val("*", id.range());
                        }
                    }
                }
            }
            out.add(new Statement(allow, vals(st.value("actions")), vals(st.value("resources")), star,
                    !st.blocks("condition").isEmpty(), st.range()));
        }
        return out;
    }

    private static List<Val> vals(HclExpr e) {
        List<Val> out = new ArrayList<>();
        for (HclExpr i : Tf.items(e)) {
            String v = Tf.str(i);
            if (v != null) {
                out.add(new Val(v, i.range()));
            }
        }
        return out;
    }

    private static void fromHclObject(HclExpr.Obj doc, List<Statement> out) {
        HclExpr stmts = doc.get("Statement");
        for (HclExpr s : stmts instanceof HclExpr.Tuple ? Tf.items(stmts) : stmts == null ? List.<HclExpr>of()
                : List.of(stmts)) {
            if (!(s instanceof HclExpr.Obj o)) {
                continue;
            }
            String effect = Tf.str(o.get("Effect"));
            boolean allow = effect == null || effect.equalsIgnoreCase("Allow");
            Val star = null;
            HclExpr principal = o.get("Principal");
            if ("*".equals(Tf.str(principal))) {
                star = new Val("*", principal.range());
            } else if (principal instanceof HclExpr.Obj po) {
                for (HclExpr.ObjItem it : po.items()) {
                    if ("AWS".equals(it.keyName()) || "*".equals(it.keyName())) {
                        for (HclExpr id : Tf.items(it.value())) {
                            if ("*".equals(Tf.str(id))) {
                                star = new Val("*", id.range());
                            }
                        }
                    }
                }
            }
            out.add(new Statement(allow, vals(o.get("Action")), vals(o.get("Resource")), star,
                    o.get("Condition") != null, o.range()));
        }
    }

    // ------------------------------------------------------------------ JSON strings

    /** A JSON value with its offsets in the parsed text. */
    private sealed interface J permits JObj, JArr, JStr, JOther {
        int start();

        int end();
    }

    private record JObj(Map<String, J> fields, int start, int end) implements J {
    }

    private record JArr(List<J> items, int start, int end) implements J {
    }

    private record JStr(String value, int start, int end) implements J {
    }

    private record JOther(int start, int end) implements J {
    }

    private static void fromJsonString(String text, HclExpr.Str s, List<Statement> out) {
        // Heredoc content is raw JSON in the file: parse the source slice so offsets map 1:1. Quoted strings
        // carry escapes: parse the value and point at the whole string.
        String source;
        int base;
        boolean exact;
        if (s.heredoc()) {
            if (s.range().end() > text.length()) {
                return;
            }
            int nl = text.indexOf('\n', s.range().start());
            if (nl < 0 || nl >= s.range().end()) {
                return;
            }
            int endLineStart = text.lastIndexOf('\n', s.range().end() - 1);
            if (endLineStart <= nl) {
                return;
            }
            source = text.substring(nl + 1, endLineStart + 1);
            base = nl + 1;
            exact = true;
        } else {
            source = s.value();
            base = s.range().start();
            exact = false;
        }
        J root;
        try (JsonParser p = JSON.createParser(source)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            root = read(p, t, 0);
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (!(root instanceof JObj doc)) {
            return;
        }
        J stmts = doc.fields().get("Statement");
        List<J> list = stmts instanceof JArr a ? a.items() : stmts == null ? List.of() : List.of(stmts);
        for (J st : list) {
            if (!(st instanceof JObj o)) {
                continue;
            }
            J eff = o.fields().get("Effect");
            boolean allow = !(eff instanceof JStr es) || es.value().equalsIgnoreCase("Allow");
            Val star = null;
            J pr = o.fields().get("Principal");
            if (pr instanceof JStr ps && ps.value().equals("*")) {
                star = jval(ps, base, exact, s);
            } else if (pr instanceof JObj po) {
                for (Map.Entry<String, J> e : po.fields().entrySet()) {
                    if (e.getKey().equals("AWS") || e.getKey().equals("*")) {
                        for (J id : e.getValue() instanceof JArr a ? a.items() : List.of(e.getValue())) {
                            if (id instanceof JStr is && is.value().equals("*")) {
                                star = jval(is, base, exact, s);
                            }
                        }
                    }
                }
            }
            out.add(new Statement(allow, jvals(o.fields().get("Action"), base, exact, s),
                    jvals(o.fields().get("Resource"), base, exact, s), star, o.fields().containsKey("Condition"),
                    exact ? new TextRange(base + o.start(), base + o.end()) : s.range()));
        }
    }

    private static List<Val> jvals(J j, int base, boolean exact, HclExpr.Str s) {
        List<Val> out = new ArrayList<>();
        for (J i : j instanceof JArr a ? a.items() : j == null ? List.<J>of() : List.of(j)) {
            if (i instanceof JStr js) {
                out.add(jval(js, base, exact, s));
            }
        }
        return out;
    }

    private static Val jval(JStr js, int base, boolean exact, HclExpr.Str s) {
        return new Val(js.value(), exact ? new TextRange(base + js.start(), base + js.end()) : s.range());
    }

    private static J read(JsonParser p, JsonToken t, int depth) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (depth > 64) {
            p.skipChildren();
            return new JOther(start, (int) p.currentLocation().getCharOffset());
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, J> fields = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    fields.put(name, read(p, v, depth + 1));
                }
                return new JObj(fields, start, (int) p.currentLocation().getCharOffset());
            }
            case START_ARRAY: {
                List<J> items = new ArrayList<>();
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY && v != null) {
                    items.add(read(p, v, depth + 1));
                }
                return new JArr(items, start, (int) p.currentLocation().getCharOffset());
            }
            case VALUE_STRING:
                return new JStr(p.getText(), start, (int) p.currentLocation().getCharOffset());
            default:
                return new JOther(start, (int) p.currentLocation().getCharOffset());
        }
    }
}
