package io.archlens.code;

import io.archlens.core.TextRange;

/** A request handler: HTTP method ({@code *} for any), path as written, the handler function's name and range. */
public record Route(String method, String path, String handler, TextRange range) {
}
