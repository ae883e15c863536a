package io.archlens.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleMeta;
import io.archlens.core.Names;
import io.archlens.core.TextRange;
import io.archlens.filekind.KindNames;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code .archlens.yml} may hold, read from the settings schema {@code docs/settings.json} (packaged as
 * {@code archlens/settings.json}; {@code SettingsSchemaTest} keeps it true to the code), and the walk that reports
 * what the file should not hold: values of the wrong type or outside their set, rule ids no rule has, keys
 * nothing reads. {@code context:} is open-ended (free-form facts go to the LLM agent), so there only a near miss
 * of a known key is reported.
 */
final class ConfigSchema {
    private static final Set<String> RULE_VALUES = Set.of("off", "on", "error", "warning", "warn", "info",
            "information", "hint", "true", "false", "default", "none");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off");
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final String OPEN_ENDED = "context";
    private static volatile JsonNode settingsSchema;

    private final Set<String> ruleIds = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigSchema(Collection<RuleMeta> known) {
        for (RuleMeta m : known) {
            ruleIds.add(m.id());
            prefixes.add(m.id().substring(0, m.id().indexOf('/')));
        }
        prefixes.add(RuleBook.AGENT_PREFIX.substring(0, RuleBook.AGENT_PREFIX.length() - 1));
    }

    /** The packaged settings schema (read once). */
    static JsonNode settingsSchema() {
        JsonNode s = settingsSchema;
        if (s == null) {
            try (InputStream in = ConfigSchema.class.getResourceAsStream("/archlens/settings.json")) {
                if (in == null) {
                    throw new IllegalStateException("archlens/settings.json is not on the class path");
                }
                s = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            settingsSchema = s;
        }
        return s;
    }

    List<ConfigProblem> check(YamlFile yaml) {
        if (yaml.documents().isEmpty()) {
            return problems;
        }
        for (int i = 1; i < yaml.documents().size(); i++) {
            YNode extra = yaml.documents().get(i).root();
            if (extra != null) {
                bad(extra, "Only one YAML document is read from .archlens.yml; merge this one into the first");
            }
        }
        YNode root = yaml.documents().get(0).root();
        if (root == null || isNull(root)) {
            return problems;
        }
        if (!(root instanceof YMap m)) {
            bad(root, "The settings must be a mapping of keys (rules:, ignore:, context:, agent:...), not "
                    + describe(root));
            return problems;
        }
        entries(m, "", settingsSchema());
        return problems;
    }

    // ---- the walk

    /** One value against its schema ({@code path} is dotted, e.g. {@code context.replicas}). */
    private void value(YNode n, String path, JsonNode schema) {
        if (path.equals("rules")) {
            rules(n);
            return;
        }
        if (isNull(n)) {
            return; // a key with nothing under it reads as absent
        }
        switch (schema.path("type").asText()) {
            case "object" -> {
                if (n instanceof YSeq && path.equals("agent.triggers")) {
                    stringList((YSeq) n, path); // also accepted: triggers: [on-save, on-type]
                } else if (n instanceof YMap m) {
                    entries(m, path + ".", schema);
                } else {
                    bad(n, path + " must be a mapping (" + String.join(", ", keys(schema)) + "), not " + describe(n));
                }
            }
            case "array" -> {
                if (n instanceof YSeq seq) {
                    stringList(seq, path);
                } else {
                    bad(n, path + " must be a list (- " + (path.equals("ignore") ? "vendor/" : "...") + "), not "
                            + describe(n));
                }
            }
            case "integer" -> whole(n, path, schema);
            case "number" -> number(n, path, schema);
            case "boolean" -> {
                if (n.text() == null || !BOOLEANS.contains(n.text().trim().toLowerCase(Locale.ROOT))) {
                    bad(n, path + " must be true or false, not " + describe(n));
                }
            }
            default -> text(n, path, schema);
        }
    }

    /** The entries of a mapping: known keys are checked against their schema, others reported (see the class). */
    private void entries(YMap m, String path, JsonNode schema) {
        List<String> known = keys(schema);
        boolean openEnded = path.equals(OPEN_ENDED + ".");
        for (YEntry e : m.entries()) {
            String key = e.keyText();
            if (key == null || e.key() == null) {
                continue;
            }
            JsonNode property = schema.path("properties").get(key);
            if (property != null) {
                if (e.value() != null) {
                    value(e.value(), path + key, property);
                }
                continue;
            }
            String kebab = kebab(key);
            String near = known.contains(kebab) ? kebab : Names.closest(key, known, 2).orElse(null);
            if (openEnded && near == null) {
                continue;
            }
            String where = path.isEmpty() ? "at the top level" : "under " + path.substring(0, path.length() - 1);
            String msg = "ArchLens does not read '" + key + "' " + where + (near != null
                    ? "; did you mean '" + near + "'?"
                    : "; known keys: " + String.join(", ", known));
            problems.add(new ConfigProblem(ConfigPack.UNKNOWN_KEY, e.key().range(), msg, near == null ? List.of()
                    : List.of(Fix.unsafe("Rename to '" + near + "'", Edit.replace(e.key().range(), near)))));
        }
    }

    private static List<String> keys(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- rules:

    private void rules(YNode n) {
        if (isNull(n)) {
            return;
        }
        if (!(n instanceof YMap m)) {
            bad(n, "rules must be a mapping of rule id to off, on, error, warning, info or hint, not " + describe(n));
            return;
        }
        for (YEntry e : m.entries()) {
            if (e.key() != null && e.keyText() != null) {
                ruleId(e.keyText(), e.key().range());
            }
            if (e.value() != null) {
                ruleValue(e.value());
            }
        }
    }

    private void ruleValue(YNode v) {
        YNode severity = v;
        if (v instanceof YMap m) {
            severity = m.get("severity");
            if (severity == null) {
                bad(v, "A rule's setting is off, on, error, warning, info or hint (or {severity: ...})");
                return;
            }
        }
        String text = severity.text();
        if (text == null || !RULE_VALUES.contains(text.trim().toLowerCase(Locale.ROOT))) {
            bad(severity, capitalised(describe(severity)) + " is not a rule setting: use off, on, error, warning, info or hint");
        }
    }

    private void ruleId(String id, TextRange at) {
        if (id.equals("*") || ruleIds.contains(id) || (id.startsWith(RuleBook.AGENT_PREFIX) && id.length() > 6)) {
            return;
        }
        int slash = id.indexOf('/');
        String prefix = slash < 0 ? id : id.substring(0, slash);
        String rest = slash < 0 ? "" : id.substring(slash + 1);
        if (rest.equals("*")) {
            if (prefixes.contains(prefix)) {
                return;
            }
            String alias = KindNames.rulePrefix(prefix).filter(prefixes::contains).orElse(null);
            unknownRule(id, at, alias == null ? null : alias + "/*",
                    "No rule id starts with '" + prefix + "/'; kinds are " + String.join(", ", prefixes));
            return;
        }
        String suggestion = Names.closest(id, ruleIds, 2).orElse(null);
        if (suggestion == null && slash > 0) {
            String alias = KindNames.rulePrefix(prefix).map(p -> p + "/" + rest).orElse(null);
            suggestion = alias != null && ruleIds.contains(alias) ? alias : sameName(rest);
        }
        unknownRule(id, at, suggestion, "No rule is called '" + id + "'");
    }

    /** The only known rule whose name after the kind is {@code rest}, or null when none or several are. */
    private String sameName(String rest) {
        String found = null;
        for (String id : ruleIds) {
            if (id.endsWith("/" + rest)) {
                if (found != null) {
                    return null;
                }
                found = id;
            }
        }
        return found;
    }

    private void unknownRule(String id, TextRange at, String suggestion, String what) {
        String msg = what + (suggestion != null ? "; did you mean '" + suggestion + "'?"
                : "; `archlens rules` lists every rule id");
        problems.add(new ConfigProblem(ConfigPack.UNKNOWN_RULE, at, msg, suggestion == null ? List.of()
                : List.of(Fix.unsafe("Replace with '" + suggestion + "'", Edit.replace(at, suggestion)))));
    }

    // ---- scalars

    private void text(YNode n, String path, JsonNode schema) {
        String t = n.text();
        if (t == null) {
            bad(n, path + " must be a single value, not " + describe(n));
            return;
        }
        List<String> allowed = new ArrayList<>();
        schema.path("enum").forEach(v -> allowed.add(v.asText()));
        if (!allowed.isEmpty() && !allowed.contains(t.trim().toLowerCase(Locale.ROOT))) {
            bad(n, path + " must be " + String.join(", ", allowed.subList(0, allowed.size() - 1))
                    + (allowed.size() > 1 ? " or " : "") + allowed.get(allowed.size() - 1) + ", not " + describe(n));
        } else if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(t.trim()).find()) {
            String why = schema.path("description").asText("");
            bad(n, path + " cannot be " + describe(n) + (why.isEmpty() ? "" : ": " + why));
        }
    }

    /** Whole numbers; quoted ones only in the context (read leniently there), elsewhere they are not numbers. */
    private void whole(YNode n, String path, JsonNode schema) {
        String t = n.text();
        boolean quoted = n instanceof YScalar s && !s.plain();
        if (t == null || !WHOLE.matcher(t.trim()).matches() || !inRange(Double.parseDouble(t.trim()), schema)) {
            bad(n, path + " must be a whole number" + range(schema) + ", not " + describe(n));
        } else if (quoted && !path.startsWith(OPEN_ENDED + ".")) {
            bad(n, path + " must be a number, not the quoted text " + describe(n) + "; remove the quotes");
        }
    }

    private void number(YNode n, String path, JsonNode schema) {
        String t = n.text();
        if (t == null || !(n instanceof YScalar s) || !s.plain() || !NUMBER.matcher(t.trim()).matches()
                || !inRange(Double.parseDouble(t.trim()), schema)) {
            bad(n, path + " must be a number" + range(schema) + ", not " + describe(n));
        }
    }

    private static boolean inRange(double v, JsonNode schema) {
        return (!schema.has("minimum") || v >= schema.get("minimum").asDouble())
                && (!schema.has("maximum") || v <= schema.get("maximum").asDouble())
                && v <= Integer.MAX_VALUE;
    }

    private static String range(JsonNode schema) {
        String min = schema.has("minimum") ? schema.get("minimum").asText() : null;
        String max = schema.has("maximum") ? schema.get("maximum").asText() : null;
        return min != null && max != null ? " from " + min + " to " + max
                : "0".equals(min) ? " (0 or more)" : min != null ? " of at least " + min
                : max != null ? " of at most " + max : "";
    }

    private void stringList(YSeq seq, String path) {
        for (YNode item : seq.items()) {
            if (!(item instanceof YScalar) || isNull(item)) {
                bad(item, "Each entry of " + path + " must be a single value, not " + describe(item));
            }
        }
    }

    // ---- helpers

    private void bad(YNode n, String message) {
        problems.add(new ConfigProblem(ConfigPack.INVALID_VALUE, n.range(), message, List.of()));
    }

    private static boolean isNull(YNode n) {
        return n instanceof YScalar s && s.isNull();
    }

    private static String describe(YNode n) {
        if (n instanceof YMap) {
            return "a mapping";
        }
        if (n instanceof YSeq) {
            return "a list";
        }
        return isNull(n) ? "an empty value" : "'" + shown(n) + "'";
    }

    private static String shown(YNode n) {
        String t = n.text();
        if (t == null) {
            return describe(n);
        }
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code maxFileBytes} → {@code max-file-bytes} (editors' spelling, which the file does not accept). */
    private static String kebab(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
