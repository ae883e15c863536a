package io.archlens.rules.config;

import io.archlens.agent.AgentSettings;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What {@code .archlens.yml} may hold (docs/configuration.md, docs/agents.md) and the walk that reports what it
 * should not: values of the wrong type or outside their set, rule ids no rule has, keys nothing reads.
 */
final class ConfigSchema {
    private static final Set<String> RULE_VALUES = Set.of("off", "on", "error", "warning", "warn", "info",
            "information", "hint", "true", "false", "default", "none");
    private static final Pattern WHOLE = Pattern.compile("[+]?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** How a value is checked: it reports through {@code bad(node, message)} when it is unusable. */
    private interface Check extends BiConsumer<YNode, ConfigSchema> {
    }

    private static final Map<String, Check> TOP = new LinkedHashMap<>();
    private static final Map<String, Check> CONTEXT = new LinkedHashMap<>();
    private static final Map<String, Check> DATABASE = new LinkedHashMap<>();
    private static final Map<String, Check> AGENT = new LinkedHashMap<>();
    private static final Map<String, Check> TRIGGERS = new LinkedHashMap<>();

    static {
        TOP.put("rules", (n, s) -> s.rules(n));
        TOP.put("ignore", (n, s) -> s.stringList(n, "ignore", "a list of globs (- vendor/)"));
        TOP.put("context", (n, s) -> s.section(n, "context", CONTEXT, true));
        TOP.put("agent", (n, s) -> s.section(n, "agent", AGENT, false));
        TOP.put("max-file-bytes", (n, s) -> s.whole(n, "max-file-bytes", 1));
        TOP.put("diagnostics-mode", (n, s) -> s.oneOf(n, "diagnostics-mode", Set.of("push", "pull")));
        TOP.put("docs-base-url", (n, s) -> s.text(n, "docs-base-url"));

        CONTEXT.put("stage", (n, s) -> s.text(n, "context.stage"));
        for (String k : List.of("requests-per-second", "rps", "replicas", "team-size", "database-max-connections")) {
            CONTEXT.put(k, (n, s) -> s.whole(n, "context." + k, 0));
        }
        CONTEXT.put("database", (n, s) -> s.section(n, "context.database", DATABASE, false));
        CONTEXT.put("database-engine", (n, s) -> s.text(n, "context.database-engine"));
        CONTEXT.put("cloud", (n, s) -> s.text(n, "context.cloud"));
        CONTEXT.put("required-tags", (n, s) -> s.stringList(n, "context.required-tags", "a list of tag names"));
        DATABASE.put("engine", (n, s) -> s.text(n, "context.database.engine"));
        DATABASE.put("max-connections", (n, s) -> s.whole(n, "context.database.max-connections", 1));

        AGENT.put("enabled", (n, s) -> s.bool(n, "agent.enabled"));
        AGENT.put("provider", (n, s) -> s.oneOf(n, "agent.provider", Set.of("openai", "anthropic")));
        AGENT.put("base-url", (n, s) -> s.url(n, "agent.base-url"));
        AGENT.put("model", (n, s) -> s.text(n, "agent.model"));
        AGENT.put("api-key-env", (n, s) -> s.keyEnv(n));
        AGENT.put("name", (n, s) -> s.text(n, "agent.name"));
        AGENT.put("triggers", (n, s) -> s.triggers(n));
        AGENT.put("on-save", (n, s) -> s.bool(n, "agent.on-save"));
        AGENT.put("on-type", (n, s) -> s.bool(n, "agent.on-type"));
        for (String k : List.of("debounce-ms", "max-file-bytes", "timeout-ms", "max-output-tokens", "max-concurrent")) {
            AGENT.put(k, (n, s) -> s.whole(n, "agent." + k, 1));
        }
        AGENT.put("daily-token-budget", (n, s) -> s.whole(n, "agent.daily-token-budget", 0));
        AGENT.put("min-confidence", (n, s) -> s.number(n, "agent.min-confidence"));
        AGENT.put("temperature", (n, s) -> s.number(n, "agent.temperature"));
        TRIGGERS.put("on-save", (n, s) -> s.bool(n, "agent.triggers.on-save"));
        TRIGGERS.put("on-type", (n, s) -> s.bool(n, "agent.triggers.on-type"));
    }

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
        entries(m, "", TOP, false);
        return problems;
    }

    // ---- sections

    private void section(YNode n, String path, Map<String, Check> keys, boolean openEnded) {
        if (isNull(n)) {
            return;
        }
        if (!(n instanceof YMap m)) {
            bad(n, path + " must be a mapping (keys " + String.join(", ", keys.keySet()) + "), not " + describe(n));
            return;
        }
        entries(m, path + ".", keys, openEnded);
    }

    /**
     * Checks each entry of a mapping; an unknown key is reported unless the section is open-ended (the project
     * context also carries free-form facts for the LLM agent), where only a near miss of a known key is.
     */
    private void entries(YMap m, String path, Map<String, Check> keys, boolean openEnded) {
        for (YEntry e : m.entries()) {
            String key = e.keyText();
            Check check = key == null ? null : keys.get(key);
            if (check != null) {
                if (e.value() != null) {
                    check.accept(e.value(), this);
                }
                continue;
            }
            if (key == null || e.key() == null) {
                continue;
            }
            String kebab = kebab(key);
            String near = keys.containsKey(kebab) ? kebab : Names.closest(key, keys.keySet(), 2).orElse(null);
            if (openEnded && near == null) {
                continue;
            }
            String where = path.isEmpty() ? "at the top level" : "under " + path.substring(0, path.length() - 1);
            String msg = "ArchLens does not read '" + key + "' " + where + (near != null
                    ? "; did you mean '" + near + "'?"
                    : "; known keys: " + String.join(", ", keys.keySet()));
            problems.add(new ConfigProblem(ConfigPack.UNKNOWN_KEY, e.key().range(), msg, near == null ? List.of()
                    : List.of(Fix.unsafe("Rename to '" + near + "'", Edit.replace(e.key().range(), near)))));
        }
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

    // ---- value checks

    private void text(YNode n, String path) {
        if (!isNull(n) && !(n instanceof YScalar)) {
            bad(n, path + " must be a single value, not " + describe(n));
        }
    }

    private void bool(YNode n, String path) {
        String t = n.text();
        if (t == null || !Set.of("true", "false", "yes", "no", "on", "off").contains(t.toLowerCase(Locale.ROOT))) {
            bad(n, path + " must be true or false, not " + describe(n));
        }
    }

    private void whole(YNode n, String path, long min) {
        String t = n.text();
        if (t == null || !WHOLE.matcher(t.trim()).matches() || !fitsInt(t.trim()) || Long.parseLong(t.trim()) < min) {
            bad(n, path + " must be a whole number" + (min > 0 ? " above 0" : "") + ", not " + describe(n));
        } else if (n instanceof YScalar s && !s.plain() && path.equals("max-file-bytes")) {
            bad(n, path + " must be a number, not the quoted text " + describe(n) + "; remove the quotes");
        }
    }

    private void number(YNode n, String path) {
        String t = n.text();
        if (t == null || !(n instanceof YScalar s) || !s.plain() || !NUMBER.matcher(t.trim()).matches()) {
            bad(n, path + " must be a number, not " + describe(n));
        }
    }

    private void oneOf(YNode n, String path, Set<String> values) {
        String t = n.text();
        if (t == null || !values.contains(t.trim().toLowerCase(Locale.ROOT))) {
            bad(n, path + " must be " + String.join(" or ", new TreeSet<>(values)) + ", not " + describe(n));
        }
    }

    private void url(YNode n, String path) {
        String t = n.text();
        if (t == null || !t.trim().matches("(?i)https?://\\S+")) {
            bad(n, path + " must be an http(s) URL, not " + describe(n));
        }
    }

    private void keyEnv(YNode n) {
        String t = n.text();
        if (t == null || !AgentSettings.KEY_ENV.matcher(t.trim()).matches()) {
            bad(n, "agent.api-key-env must name an environment variable ending in API_KEY (e.g. OPENAI_API_KEY), not "
                    + describe(n));
        }
    }

    private void triggers(YNode n) {
        if (n instanceof YSeq) {
            stringList(n, "agent.triggers", "a list of on-save, on-type");
        } else {
            section(n, "agent.triggers", TRIGGERS, false);
        }
    }

    private void stringList(YNode n, String path, String shape) {
        if (isNull(n)) {
            return;
        }
        if (!(n instanceof YSeq seq)) {
            bad(n, path + " must be " + shape + ", not " + describe(n));
            return;
        }
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

    private static boolean fitsInt(String digits) {
        String d = digits.startsWith("+") ? digits.substring(1) : digits;
        return d.length() < 10 || (d.length() == 10 && d.compareTo("2147483647") <= 0);
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
