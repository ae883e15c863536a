package io.archlens.robustness;

import io.archlens.filekind.FileKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a hostile key, value or nesting goes in each kind, so that the payload reaches the code that reads it
 * (a URL in a Compose {@code environment:} entry, a key in a properties file) instead of being a syntax error at
 * the top of the file.
 */
final class KindSyntax {
    private static final Pattern ENV_BLOCK = Pattern.compile("(?m)^([ \\t]*)(?:- )?(environment|env):[ \\t]*\\r?$");

    private KindSyntax() {
    }

    static boolean isJson(String text) {
        return text.stripLeading().startsWith("{");
    }

    /** The text with a line {@code key = value} in the kind's own syntax added where the kind reads settings. */
    static String withEntry(FileKind kind, String text, String key, String value) {
        return switch (kind) {
            case DOCKERFILE -> appendLine(text, "ENV " + key + "=" + value);
            case NGINX -> appendLine(text, key + " " + value + ";");
            case SPRING_PROPERTIES -> appendLine(text, key + "=" + value);
            case DOTENV -> appendLine(text, key + "=" + value);
            case SQL -> appendLine(text, "SELECT '" + value + "' AS " + key + ";");
            case PYTHON -> appendLine(text, key + " = \"" + value + "\"");
            case TERRAFORM -> appendLine(text, "locals {\n  " + key + " = \"" + value + "\"\n}");
            case AGENT_DEFINITION -> afterFirstLine(text, key + ": " + value);
            case COMPOSE, KUBERNETES -> inEnv(text, key, value);
            default -> isJson(text) ? afterFirstBrace(text, "\"" + key + "\": \"" + value + "\", ")
                    : appendLine(text, key + ": " + value);
        };
    }

    /** A URL-like value where the secret detector looks: an env entry in Compose/Kubernetes, a proxy_pass in nginx. */
    static String withUrl(FileKind kind, String text, String url) {
        return switch (kind) {
            case NGINX -> appendLine(text, "location /x { proxy_pass " + url + "; }");
            case SPRING_PROPERTIES -> appendLine(text, "spring.datasource.url=" + url);
            case SPRING_YAML -> appendLine(text, "spring.datasource.url: " + url);
            default -> withEntry(kind, text, "DATABASE_URL", url);
        };
    }

    /** Compose/Kubernetes: an entry in the first {@code environment:}/{@code env:} block, else a top-level key. */
    private static String inEnv(String text, String key, String value) {
        Matcher m = ENV_BLOCK.matcher(text);
        if (!m.find()) {
            return isJson(text) ? afterFirstBrace(text, "\"" + key + "\": \"" + value + "\", ")
                    : appendLine(text, key + ": " + value);
        }
        int lineEnd = text.indexOf('\n', m.end());
        if (lineEnd < 0) {
            return appendLine(text, key + ": " + value);
        }
        String rest = text.substring(lineEnd + 1);
        String next = rest.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        String indent = next.substring(0, next.length() - next.stripLeading().length());
        if (indent.length() <= m.group(1).length()) {
            indent = m.group(1) + "  ";
        }
        String entry;
        if (next.stripLeading().startsWith("- name:")) {
            entry = indent + "- name: " + key + "\n" + indent + "  value: \"" + value + "\"";
        } else if (next.stripLeading().startsWith("- ")) {
            entry = indent + "- " + key + "=" + value;
        } else {
            entry = indent + key + ": \"" + value + "\"";
        }
        return text.substring(0, lineEnd + 1) + entry + "\n" + rest;
    }

    /** Nesting {@code depth} levels deep in the kind's own brackets. */
    static String withNesting(FileKind kind, String text, int depth, boolean flow) {
        return switch (kind) {
            case NGINX -> appendLine(text, "a {".repeat(depth) + "}".repeat(flow ? depth : 0));
            case TERRAFORM -> flow ? appendLine(text, "locals {\n  x = " + "{a = ".repeat(depth) + "1"
                    + "}".repeat(depth) + "\n}") : appendLine(text, "b {\n".repeat(depth) + "}\n".repeat(depth));
            case DOCKERFILE -> appendLine(text, "RUN " + "$(".repeat(depth) + "true" + ")".repeat(depth));
            case SQL -> appendLine(text, "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";");
            case SPRING_PROPERTIES -> appendLine(text, "app.nested=" + "${a:".repeat(depth) + "x" + "}".repeat(depth));
            case DOTENV -> appendLine(text, "NESTED=" + "${A:-".repeat(depth) + "x" + "}".repeat(depth));
            case AGENT_DEFINITION -> afterFirstLine(text, "nested: " + "[".repeat(depth) + "]".repeat(depth));
            default -> {
                if (isJson(text)) {
                    yield afterFirstBrace(text, "\"nested\": " + "[".repeat(depth) + "]".repeat(depth) + ", ");
                }
                // YAML: flow brackets, or block sequences nested on one line ("- - - x")
                yield appendLine(text, flow ? "nested: " + "[".repeat(depth) + "]".repeat(depth)
                        : "nested:\n" + "- ".repeat(depth) + "x");
            }
        };
    }

    static String appendLine(String text, String line) {
        String sep = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? "" : "\n";
        return text + sep + line + "\n";
    }

    private static String afterFirstLine(String text, String line) {
        int nl = text.indexOf('\n');
        return nl < 0 ? appendLine(text, line) : text.substring(0, nl + 1) + line + "\n" + text.substring(nl + 1);
    }

    private static String afterFirstBrace(String text, String member) {
        int b = text.indexOf('{');
        return text.substring(0, b + 1) + member + text.substring(b + 1);
    }
}
