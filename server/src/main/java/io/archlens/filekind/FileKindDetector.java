package io.archlens.filekind;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides a file's kind from its path and, where the name is ambiguous (YAML, JSON, .conf, extension-less nginx
 * names), its content. Compose and Kubernetes are sniffed in the first 64 KiB; OpenAPI by the keys of the root
 * mapping anywhere in the text ({@link RootKeys}: one line scan, no parse); nginx by its directive vocabulary
 * ({@link NginxSniff}). The text is already bounded by {@code max-file-bytes}, so detection stays cheap.
 */
public final class FileKindDetector {
    /** An env file sample without the leading dot: {@code env-example}, {@code env.sample}, {@code env-example-relational}. */
    private static final java.util.regex.Pattern ENV_SAMPLE = java.util.regex.Pattern.compile(
            "\\.?env[-_.](example|sample|template|dist)([-_.][\\w.-]*)?");

    private static final int SNIFF_CHARS = 64 * 1024;
    private static final Pattern COMPOSE_NAME = Pattern.compile("(docker-)?compose([.-][^/]*)?\\.ya?ml");
    private static final Pattern SPRING_PROPS = Pattern.compile("(application|bootstrap)([-.][^/]*)?\\.properties");
    private static final Pattern SPRING_YAML = Pattern.compile("(application|bootstrap)([-.][^/]*)?\\.ya?ml");
    /** A root {@code services:} whose first entry is a named mapping entry (a GitLab CI list does not count). */
    private static final Pattern ROOT_SERVICES = Pattern.compile(
            "(?m)^services:[ \\t]*(?:#[^\\r\\n]*)?\\r?\\n(?:[ \\t]*(?:#[^\\r\\n]*)?\\r?\\n)*[ \\t]+[^\\s#-][^\\r\\n]*:"
                    + "|(?m)^services:[ \\t]*\\{");
    /**
     * Every Compose service has an image, a build or an extends: without one such key a root {@code services:}
     * belongs to another format (Azure Developer CLI's azure.yaml: project, host, language).
     */
    private static final Pattern SERVICE_KEYS = Pattern.compile("(?m)(?:^[ \\t]+|[{,][ \\t]*)(?:image|build|extends)[ \\t]*:");
    private static final Pattern ROOT_API_VERSION = Pattern.compile("(?m)^(apiVersion:|\\s*\"apiVersion\"\\s*:)");
    private static final Pattern ROOT_KIND = Pattern.compile("(?m)^(kind:|\\s*\"kind\"\\s*:)");
    private static final Set<String> OPENAPI_KEYS = Set.of("openapi", "swagger");
    /** A workflow by content: root {@code on:} and {@code jobs:}, and a job with runs-on, steps or uses. */
    private static final Pattern ROOT_ON = Pattern.compile("(?m)^[\"']?on[\"']?:");
    private static final Pattern ROOT_JOBS = Pattern.compile("(?m)^jobs:[ \\t]*(#.*)?\\r?$");
    private static final Pattern JOB_BODY = Pattern.compile("(?m)^[ \\t]+(?:runs-on|steps|uses):");

    /** An action's metadata file: {@code using: composite} under a root {@code runs:} (only key with that value). */
    private static final Pattern COMPOSITE_ACTION = Pattern.compile(
            "(?m)^[ \\t]+using:[ \\t]*[\"']?composite[\"']?[ \\t]*(#.*)?\\r?$");
    private static final Pattern RUNS = Pattern.compile("(?m)^runs:");
    private static final Pattern UPDATES = Pattern.compile("(?m)^updates:");
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
        if (lname.equals(".env") || lname.startsWith(".env.") || lname.endsWith(".env")
                || ENV_SAMPLE.matcher(lname).matches()) {
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
        if (lname.endsWith(".conf") || lname.endsWith(".nginx") || lname.endsWith(".conf.template")) {
            if (lname.startsWith("nginx") || lname.endsWith(".nginx") || inNginxFolder(lower)
                    || NGINX_CONTENT.matcher(sniff(text)).find() || NginxSniff.looksLikeNginx(text)) {
                return FileKind.NGINX;
            }
            return FileKind.UNKNOWN;
        }
        boolean sites = lower.contains("sites-available/") || lower.contains("sites-enabled/");
        if (lname.indexOf('.') < 0 && sites) {
            return FileKind.NGINX; // Debian-style site files have no extension (sites-available/default)
        }
        if (sites && !yamlName(lname) && !lname.endsWith(".json")
                && (NGINX_CONTENT.matcher(sniff(text)).find() || NginxSniff.looksLikeNginx(text))) {
            return FileKind.NGINX; // site files named after their domain (sites-available/example.com)
        }
        if (nginxCandidate(lower, lname)) {
            // conf, default, site, extension-less files in nginx folders: nginx only when the content says so
            return NginxSniff.looksLikeNginx(text) ? FileKind.NGINX : FileKind.UNKNOWN;
        }
        if (yamlName(lname) && lname.startsWith("action.") && RUNS.matcher(text).find()
                && COMPOSITE_ACTION.matcher(text).find()) {
            return FileKind.GITHUB_ACTIONS; // a composite action: its steps are judged like a workflow's
        }
        if ((lname.equals("dependabot.yml") || lname.equals("dependabot.yaml")) && lower.contains(".github/")
                && UPDATES.matcher(text).find()) {
            return FileKind.GITHUB_ACTIONS; // Dependabot's settings: GitHub's automation, judged with the workflows
        }
        boolean yaml = yamlName(lname);
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
            if (isOpenApi(text)) {
                return FileKind.OPENAPI;
            }
            if (yaml && ROOT_ON.matcher(head).find() && ROOT_JOBS.matcher(text).find()
                    && JOB_BODY.matcher(text).find()) {
                return FileKind.GITHUB_ACTIONS; // a workflow outside .github/workflows (templates, examples)
            }
            if (yaml && ROOT_SERVICES.matcher(head).find() && !ROOT_KIND.matcher(head).find()
                    && SERVICE_KEYS.matcher(head).find()) {
                return FileKind.COMPOSE;
            }
            if (ROOT_API_VERSION.matcher(head).find() && ROOT_KIND.matcher(head).find()) {
                return FileKind.KUBERNETES;
            }
            if (text.length() > SNIFF_CHARS && rootKeys(text, yaml, "apiVersion") && rootKeys(text, yaml, "kind")) {
                return FileKind.KUBERNETES; // kind: after a long data: block (a dashboard in a ConfigMap)
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
        String lower = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        String lname = lower.substring(lower.lastIndexOf('/') + 1);
        return detect(path, "") != FileKind.UNKNOWN || yamlName(lname) || lname.endsWith(".json")
                || lower.contains("sites-available/") || lower.contains("sites-enabled/") || lname.endsWith(".conf")
                || lname.endsWith(".conf.template") || nginxCandidate(lower, lname);
    }

    /** An OpenAPI or Swagger document: a root {@code openapi:}/{@code swagger:} key with a version, anywhere. */
    static boolean isOpenApi(String text) {
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first < text.length() && text.charAt(first) == '{') {
            return RootKeys.hasJsonKey(text, OPENAPI_KEYS, true);
        }
        return RootKeys.hasYamlKey(text, OPENAPI_KEYS, true);
    }

    private static boolean rootKeys(String text, boolean yaml, String key) {
        return yaml ? RootKeys.hasYamlKey(text, Set.of(key), false) : RootKeys.hasJsonKey(text, Set.of(key), false);
    }

    private static boolean yamlName(String lname) {
        return lname.endsWith(".yml") || lname.endsWith(".yaml");
    }

    private static boolean inNginxFolder(String lower) {
        String p = "/" + lower;
        return p.contains("/nginx/") || p.contains("/conf.d/") || p.contains("/sites-") || p.contains("/snippets/");
    }

    /** Names nginx configuration often has without a {@code .conf} suffix; their content decides. */
    private static boolean nginxCandidate(String lower, String lname) {
        if (lname.equals("conf") || lname.equals("default") || lname.equals("site")) {
            return true;
        }
        return lname.indexOf('.') < 0 && inNginxFolder(lower);
    }

    private static String sniff(String text) {
        return text.length() <= SNIFF_CHARS ? text : text.substring(0, SNIFF_CHARS);
    }
}
