package io.archlens.agent.provider;

/**
 * How an OpenAI-compatible server is asked for JSON, from strictest to loosest. Servers that reject one (HTTP
 * 400 about {@code response_format}) are asked again with the next, and the working mode is remembered.
 */
public enum OutputMode {
    JSON_SCHEMA, JSON_OBJECT, PLAIN, TOOL;

    public OutputMode looser() {
        return switch (this) {
            case JSON_SCHEMA -> JSON_OBJECT;
            case JSON_OBJECT -> PLAIN;
            default -> null;
        };
    }
}
