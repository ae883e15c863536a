package io.archlens.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers already paid for, keyed by provider, model, agent-definition hash, schema version and the redacted
 * request (path, context, redacted text). The value is the model's raw findings JSON; it is validated again
 * against the current text on every hit, so a hit is as safe as a fresh answer. In memory, LRU-bounded.
 */
public final class ReviewCache {
    private final int capacity;
    private final Map<String, String> entries;

    public ReviewCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > ReviewCache.this.capacity;
            }
        };
    }

    public static String key(String provider, String model, String definitionHash, String schemaVersion,
            String redactedRequest) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {provider, model, definitionHash, schemaVersion, redactedRequest}) {
                md.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized String get(String key) {
        return entries.get(key);
    }

    public synchronized void put(String key, String json) {
        entries.put(key, json);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
