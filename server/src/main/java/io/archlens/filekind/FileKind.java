package io.archlens.filekind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file ArchLens knows. {@code rulePrefix} is the first segment of the kind's rule ids,
 * {@code commentPrefixes} the line-comment tokens the suppression syntax uses in that kind.
 */
public enum FileKind {
    DOCKERFILE("dockerfile", "docker", false, "#"),
    COMPOSE("compose", "compose", false, "#"),
    KUBERNETES("kubernetes", "k8s", false, "#"),
    NGINX("nginx", "nginx", false, "#"),
    SPRING_PROPERTIES("spring-properties", "spring", false, "#", "!"),
    SPRING_YAML("spring-yaml", "spring", false, "#"),
    DOTENV("dotenv", "env", false, "#"),
    SQL("sql", "sql", false, "--"),
    OPENAPI("openapi", "openapi", false, "#"),
    GITHUB_ACTIONS("github-actions", "gha", false, "#"),
    TERRAFORM("terraform", "tf", false, "#", "//"),
    ARCHLENS_CONFIG("archlens-config", "config", false, "#"),
    AGENT_DEFINITION("agent-definition", "agent", false, "<!--"),
    JAVA("java", "java", true, "//"),
    KOTLIN("kotlin", "code", true, "//"),
    PYTHON("python", "python", true, "#"),
    JAVASCRIPT("javascript", "js", true, "//"),
    TYPESCRIPT("typescript", "js", true, "//"),
    GO("go", "go", true, "//"),
    CSHARP("csharp", "code", true, "//"),
    UNKNOWN("unknown", "unknown", false);

    private final String id;
    private final String rulePrefix;
    private final boolean sourceCode;
    private final List<String> commentPrefixes;

    FileKind(String id, String rulePrefix, boolean sourceCode, String... commentPrefixes) {
        this.id = id;
        this.rulePrefix = rulePrefix;
        this.sourceCode = sourceCode;
        this.commentPrefixes = List.of(commentPrefixes);
    }

    public String id() {
        return id;
    }

    public String rulePrefix() {
        return rulePrefix;
    }

    /** Backend source code: the rule book reads it where a pack exists (Java), the LLM agent where enabled. */
    public boolean isSourceCode() {
        return sourceCode;
    }

    public List<String> commentPrefixes() {
        return commentPrefixes;
    }

    /** The comment token used when ArchLens writes a comment (suppression quick fixes). */
    public String commentPrefix() {
        return commentPrefixes.isEmpty() ? "#" : commentPrefixes.get(0);
    }

    public boolean isYaml() {
        return this == COMPOSE || this == KUBERNETES || this == SPRING_YAML || this == OPENAPI
                || this == GITHUB_ACTIONS || this == ARCHLENS_CONFIG;
    }

    public static Optional<FileKind> byId(String id) {
        String want = id.toLowerCase(Locale.ROOT);
        for (FileKind k : values()) {
            if (k.id.equals(want)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
