package io.archlens.code;

import io.archlens.core.TextRange;

/**
 * A call that leaves the process: an HTTP request ({@code http}), a message sent to a broker ({@code messaging}).
 * {@code function} is the enclosing function's name, {@code client} what the call is made on
 * ({@code restTemplate}, {@code kafkaTemplate}...).
 */
public record RemoteCall(String kind, String client, TextRange range, String function) {
}
