package io.archlens.filekind;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides a file's kind from its path and, where the name is ambiguous (YAML, JSON, .conf), its content.
 * Only a bounded prefix of the content is inspected, so detection is cheap on any file.
 */
public final class FileKindDetector {
    private static final int SNIFF_CHARS = 64 * 1024;
    private static final Pattern COMPOSE_NAME = Pattern.compile("(docker-)?compose([.-][^/]*)?\\.ya?ml");
    private static final Pattern SPRING_PROPS = Pattern.compile("(application|bootstrap)([-.][^/]*)?\\.properties");
    private static final Pattern SPRING_YAML = Pattern.compile("(application|bootstrap)([-.][^/]*)?\\.ya?ml");
    /** A root {@code services:} whose first entry is a named mapping entry (a GitLab CI list does not count). */
    private static final Pattern ROOT_SERVICES = Pattern.compile(
            "(?m)^services:[ \\t]*(?:#[^\\r\\n]*)?\\r?\\n(?:[ \\t]*(?:#[^\\r\\n]*)?\\r?\\n)*[ \\t]+[^\\s#-][^\\r\\n]*:"
                    + "|(?m)^services:[ \\t]*\\{");
    private static final Pattern ROOT_API_VERSION = Pattern.compile("(?m)^(apiVersion:|\\s*\"apiVersion\"\\s*:)");
    private static final Pattern ROOT_KIND = Pattern.compile("(?m)^(kind:|\\s*\"kind\"\\s*:)");
    private static final Pattern OPENAPI_ROOT = Pattern.compile("(?m)^(openapi:|swagger:|[ \\t]*\\{?[ \\t]*\"(openapi|swagger)\"\\s*:)");
    /** Minified JSON: the version key anywhere, with a 2.x/3.x version value. */
    private static final Pattern OPENAPI_JSON_KEY = Pattern.compile("\"(openapi|swagger)\"\\s*:\\s*\"[23]\\.\\d");
    private static final Pattern NGINX_CONTENT = Pattern.compile("(?m)^\\s*(server|http|upstream|events)\\s*\\{");

    private FileKindDetector() {
    }

    public static FileKind detect(String path, String text) {
        String p = path.replace('\\', '/');
        String lower = p.toLowerCase(Locale.ROOT);
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        String lname = name.toLowerCase(Locale.ROOT);

        if (lname.equals("dockerfile") || lname.startsWith("dockerfile.") || lname.endsWith(".dockerfile")
                || lname.equals("containerfile") || lname.startsWith("containerfile.")) {
            return FileKind.DOCKERFILE;
        }
        if (lname.equals(".archlens.yml") || lname.equals(".archlens.yaml")) {
            return FileKind.ARCHLENS_CONFIG;
        }
        if (lower.contains(".archlens/agents/") && lname.endsWith(".md")) {
            return FileKind.AGENT_DEFINITION;
        }
        if (lname.equals(".env") || lname.startsWith(".env.") || lname.endsWith(".env")) {
            return FileKind.DOTENV;
        }
        if (lname.endsWith(".sql")) {
            return FileKind.SQL;
        }
        if (lname.endsWith(".tf")) {
            return FileKind.TERRAFORM;
        }
        if (SPRING_PROPS.matcher(lname).matches()) {
            return FileKind.SPRING_PROPERTIES;
        }
        if (lname.endsWith(".conf") || lname.endsWith(".nginx") || lname.equals("nginx.conf")) {
            if (lname.startsWith("nginx") || lname.endsWith(".nginx") || lower.contains("/nginx/")
                    || lower.startsWith("nginx/") || lower.contains("conf.d/") || lower.contains("/sites-")
                    || lower.startsWith("sites-") || NGINX_CONTENT.matcher(sniff(text)).find()) {
                return FileKind.NGINX;
            }
            return FileKind.UNKNOWN;
        }
        if (lname.indexOf('.') < 0 && (lower.contains("sites-available/") || lower.contains("sites-enabled/"))) {
            return FileKind.NGINX; // Debian-style site files have no extension (sites-available/default)
        }
        boolean yaml = lname.endsWith(".yml") || lname.endsWith(".yaml");
        boolean json = lname.endsWith(".json");
        if (yaml && (lower.contains(".github/workflows/") || lower.startsWith(".github/workflows/"))) {
            return FileKind.GITHUB_ACTIONS;
        }
        if (yaml && COMPOSE_NAME.matcher(lname).matches()) {
            return FileKind.COMPOSE;
        }
        if (yaml && SPRING_YAML.matcher(lname).matches()) {
            return FileKind.SPRING_YAML;
        }
        if (yaml || json) {
            String head = sniff(text);
            if (OPENAPI_ROOT.matcher(head).find() || json && OPENAPI_JSON_KEY.matcher(head).find()) {
                return FileKind.OPENAPI;
            }
            if (yaml && ROOT_SERVICES.matcher(head).find() && !ROOT_KIND.matcher(head).find()) {
                return FileKind.COMPOSE;
            }
            if (ROOT_API_VERSION.matcher(head).find() && ROOT_KIND.matcher(head).find()) {
                return FileKind.KUBERNETES;
            }
            return FileKind.UNKNOWN;
        }
        if (lname.endsWith(".java")) {
            return FileKind.JAVA;
        }
        if (lname.endsWith(".kt") || lname.endsWith(".kts")) {
            return FileKind.KOTLIN;
        }
        if (lname.endsWith(".py")) {
            return FileKind.PYTHON;
        }
        if (lname.endsWith(".ts") || lname.endsWith(".tsx") || lname.endsWith(".mts") || lname.endsWith(".cts")) {
            return FileKind.TYPESCRIPT;
        }
        if (lname.endsWith(".js") || lname.endsWith(".jsx") || lname.endsWith(".mjs") || lname.endsWith(".cjs")) {
            return FileKind.JAVASCRIPT;
        }
        if (lname.endsWith(".go")) {
            return FileKind.GO;
        }
        if (lname.endsWith(".cs")) {
            return FileKind.CSHARP;
        }
        return FileKind.UNKNOWN;
    }

    /** Kind from the path alone, for walking directories before reading (null when content decides). */
    public static boolean mayBeInteresting(String path) {
        String lname = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return detect(path, "") != FileKind.UNKNOWN || lname.endsWith(".yml") || lname.endsWith(".yaml")
                || lname.endsWith(".json") || lname.endsWith(".conf");
    }

    private static String sniff(String text) {
        return text.length() <= SNIFF_CHARS ? text : text.substring(0, SNIFF_CHARS);
    }
}
