package io.archlens.secrets;

/** A secret found in a text: {@code [start, end)} offsets of the value only, and what it looked like. */
public record SecretSpan(int start, int end, SecretType type) {
}
