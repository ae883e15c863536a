package io.archlens.agent.definition;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an agent definition: a markdown file that starts with YAML front matter between {@code ---} lines
 * ({@code name}, {@code description}, optional {@code applies-to}, {@code model}, {@code temperature}),
 * followed by the prompt. Never throws; every problem carries the range of the offending text.
 */
public final class AgentDefinitionParser {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern OPEN = Pattern.compile("---[ \\t]*");
    private static final Pattern CLOSE = Pattern.compile("(---|\\.\\.\\.)[ \\t]*");
    private static final Set<String> KNOWN_KEYS = Set.of("name", "description", "applies-to", "model",
            "temperature", "color", "tools");

    private AgentDefinitionParser() {
    }

    public static ParsedDefinition parse(String text, String origin) {
        List<DefinitionProblem> problems = new ArrayList<>();
        LineIndex lines = LineIndex.of(text);
        int first = 0;
        String head = lines.lineText(first);
        if (!OPEN.matcher(head.startsWith("\uFEFF") ? head.substring(1) : head).matches()) {
            problems.add(new DefinitionProblem(lines.lineRange(0),
                    "An agent definition starts with YAML front matter: a '---' line, the keys, then '---'"));
            return new ParsedDefinition(null, problems);
        }
        int close = -1;
        for (int l = first + 1; l < lines.lineCount(); l++) {
            if (CLOSE.matcher(lines.lineText(l)).matches()) {
                close = l;
                break;
            }
        }
        if (close < 0) {
            problems.add(new DefinitionProblem(lines.lineRange(0),
                    "The front matter is not closed: add a '---' line after the keys, then the prompt"));
            return new ParsedDefinition(null, problems);
        }
        int fmStart = lines.lineEndIncludingBreak(first);
        int fmEnd = lines.lineStart(close);
        String fm = text.substring(fmStart, fmEnd);
        Parsed<YamlFile> yaml = YamlParser.parse(SourceFile.of(origin, fm, FileKind.UNKNOWN));
        for (ParseIssue pi : yaml.issues()) {
            problems.add(new DefinitionProblem(pi.range().shift(fmStart), "Front matter: " + pi.message()));
        }
        TextRange openRange = lines.lineRange(first);
        YNode root = yaml.model().documents().isEmpty() ? null : yaml.model().documents().get(0).root();
        if (!(root instanceof YMap map)) {
            if (problems.isEmpty()) {
                problems.add(new DefinitionProblem(openRange,
                        "The front matter must be a mapping with at least 'name' and 'description'"));
            }
            return new ParsedDefinition(null, problems);
        }
        Fields f = new Fields(fmStart, problems);
        for (YEntry e : map.entries()) {
            String k = e.keyText();
            if (k == null || !KNOWN_KEYS.contains(k)) {
                problems.add(new DefinitionProblem(f.range(e.key()), "Unknown front matter key '" + k
                        + "'; expected name, description, applies-to, model or temperature"));
            }
        }
        String name = f.requiredString(map, "name", openRange);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(new DefinitionProblem(f.range(map.get("name")), "Agent name '" + name
                    + "' must be lower-case letters, digits and dashes (at most 64), e.g. backend-architecture-expert"));
            name = null;
        }
        String description = f.requiredString(map, "description", openRange);
        Set<FileKind> kinds = f.kinds(map.get("applies-to"));
        String model = f.optionalString(map, "model");
        Double temperature = f.temperature(map.get("temperature"));
        String body = text.substring(lines.lineEndIncludingBreak(close)).strip();
        if (body.isEmpty()) {
            problems.add(new DefinitionProblem(lines.lineRange(close),
                    "The prompt is empty: write the agent's instructions after the front matter"));
        }
        if (!problems.isEmpty() || name == null || description == null) {
            return new ParsedDefinition(null, problems);
        }
        return new ParsedDefinition(new AgentDefinition(name, description, kinds, model, temperature, body,
                sha256(text.replace("\r\n", "\n")), origin), problems);
    }

    /** Adapter for the rule book: problems become {@code agent/invalid-definition} parse issues. */
    public static Parsed<ParsedDefinition> parseForRuleBook(SourceFile file, String ruleId) {
        ParsedDefinition pd = parse(file.text(), file.path());
        List<ParseIssue> issues = new ArrayList<>();
        for (DefinitionProblem p : pd.problems()) {
            issues.add(new ParseIssue(ruleId, io.archlens.analysis.Severity.ERROR, p.range(), p.message()));
        }
        return new Parsed<>(pd, issues);
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads typed fields, reporting problems with ranges shifted into the whole file. */
    private record Fields(int shift, List<DefinitionProblem> problems) {
        TextRange range(YNode n) {
            return n.range().shift(shift);
        }

        String requiredString(YMap map, String key, TextRange missingAt) {
            YNode n = map.get(key);
            if (n == null) {
                problems.add(new DefinitionProblem(missingAt, "The front matter has no '" + key + "'; add it"));
                return null;
            }
            if (!(n instanceof YScalar s) || s.isNull() || s.value().isBlank()) {
                problems.add(new DefinitionProblem(range(map.entry(key).key()),
                        "'" + key + "' must be a non-empty text"));
                return null;
            }
            return s.value().strip();
        }

        String optionalString(YMap map, String key) {
            YNode n = map.get(key);
            if (n == null || n instanceof YScalar s && s.isNull()) {
                return null;
            }
            if (!(n instanceof YScalar s) || s.value().isBlank()) {
                problems.add(new DefinitionProblem(range(n), "'" + key + "' must be a text"));
                return null;
            }
            return s.value().strip();
        }

        Set<FileKind> kinds(YNode n) {
            Set<FileKind> out = EnumSet.noneOf(FileKind.class);
            if (n == null || n instanceof YScalar s0 && s0.isNull()) {
                return out;
            }
            List<YNode> items = n instanceof YSeq seq ? seq.items() : List.of(n);
            for (YNode item : items) {
                String id = item.text();
                if (id == null) {
                    problems.add(new DefinitionProblem(range(item), "'applies-to' lists file kind ids, e.g. [compose, kubernetes, java]"));
                    continue;
                }
                var kind = FileKind.byId(id.trim().toLowerCase(Locale.ROOT));
                if (kind.isEmpty() || kind.get() == FileKind.UNKNOWN || kind.get() == FileKind.AGENT_DEFINITION) {
                    problems.add(new DefinitionProblem(range(item), "Unknown file kind '" + id
                            + "' in applies-to; use ids like dockerfile, compose, kubernetes, spring-yaml, java"));
                } else {
                    out.add(kind.get());
                }
            }
            return out;
        }

        Double temperature(YNode n) {
            if (n == null || n instanceof YScalar s0 && s0.isNull()) {
                return null;
            }
            try {
                double d = Double.parseDouble(String.valueOf(n.text()).trim());
                if (d >= 0 && d <= 2) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(new DefinitionProblem(range(n), "'temperature' must be a number from 0 to 2, e.g. 0.2"));
            return null;
        }
    }
}
