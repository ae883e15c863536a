package io.archlens.analysis;

/** A tolerant parser: never throws on any input, returns a best-effort model plus issues. */
@FunctionalInterface
public interface Parser<M> {
    Parsed<M> parse(SourceFile file);
}
