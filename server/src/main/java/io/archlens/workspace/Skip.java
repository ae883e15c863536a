package io.archlens.workspace;

import io.archlens.filekind.FileKind;
import java.util.Locale;

/**
 * Why a file was not analysed: a stable {@code code} for machines (JSON {@code skipped[].reason}) and a sentence
 * for people. Codes: {@code unknown-kind}, {@code source-code}, {@code no-rules}, {@code generated}, {@code template}, and the loader's
 * {@code too-large}, {@code binary}, {@code unreadable}.
 */
public record Skip(String code, String detail) {
    public static final String UNKNOWN_KIND = "unknown-kind";
    public static final String SOURCE_CODE = "source-code";
    public static final String NO_RULES = "no-rules";
    public static final String GENERATED = "generated";
    public static final String TEMPLATE = "template";

    /** The reason a loaded file of {@code kind} is not analysed by the rule book. */
    public static Skip notAnalysed(FileKind kind, String path) {
        if (kind.isSourceCode()) {
            return new Skip(SOURCE_CODE, kind.id() + " source code: no rules for it in this build, only an LLM agent "
                    + "reviews it (check --agent NAME)");
        }
        if (kind != FileKind.UNKNOWN) {
            return new Skip(NO_RULES, "no rules for " + kind.id() + " files in this build");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String what;
        if (lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json")) {
            what = "YAML/JSON that is none of Compose (a services: mapping), Kubernetes (apiVersion and kind), "
                    + "OpenAPI/Swagger (a root openapi:/swagger: version), a GitHub Actions workflow or composite "
                    + "action, or Spring configuration";
        } else if (lower.endsWith(".conf") || lower.endsWith("/default") || lower.equals("default")) {
            what = "not nginx configuration (too few nginx directives) nor another kind ArchLens knows";
        } else {
            what = "not a kind of file ArchLens analyses (see \"What it checks\" in the README)";
        }
        return new Skip(UNKNOWN_KIND, what);
    }
}
