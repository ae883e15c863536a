package io.archlens.syntax;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers about the disk computed a moment ago, by key (which files include a file, what a folder holds), so
 * typing in one file does not walk its folder on every analysis. An answer older than the time to live is
 * computed again; when more than {@code max} keys are held all are dropped. Thread-safe; the computation runs
 * outside the lock (two threads may compute the same key once each).
 */
public final class Recent<K, V> {
    private record Entry<V>(V value, long at) {
    }

    private final long ttlNanos;
    private final int max;
    private final Map<K, Entry<V>> entries = new HashMap<>();

    public Recent(long ttlMillis, int max) {
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.max = max;
    }

    public V get(K key, Function<K, V> compute) {
        long now = System.nanoTime();
        synchronized (entries) {
            Entry<V> hit = entries.get(key);
            if (hit != null && now - hit.at() < ttlNanos) {
                return hit.value();
            }
        }
        V value = compute.apply(key);
        synchronized (entries) {
            if (entries.size() >= max) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }
}
