package io.archlens.analysis;

/** Diagnostic tags understood by editors. */
public enum Tag {
    /** Rendered faded: unused or no-op code (e.g. a suppression that suppresses nothing). */
    UNNECESSARY,
    /** Rendered struck through: deprecated syntax or API versions. */
    DEPRECATED
}
