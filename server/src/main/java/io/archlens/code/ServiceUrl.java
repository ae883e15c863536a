package io.archlens.code;

import io.archlens.core.TextRange;

/**
 * An outbound service address written in the code ({@code http://orders:8080/api}): scheme, host, port (null when
 * the URL gives none) and the literal's range. Only literals that name a host are recorded, not templates.
 */
public record ServiceUrl(String url, String scheme, String host, Integer port, TextRange range) {
}
