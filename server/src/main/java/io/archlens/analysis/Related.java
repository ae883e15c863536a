package io.archlens.analysis;

import io.archlens.core.Position;

/** A location in another (or the same) file that explains a finding; used by cross-file rules. */
public record Related(String uri, Position start, Position end, String message) {
}
