package io.archlens.agent.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers, per (base URL, model), which {@link OutputMode} the server accepted. */
public final class OutputModeMemory {
    private final Map<String, OutputMode> modes = new ConcurrentHashMap<>();

    public OutputMode get(String baseUrl, String model) {
        return modes.getOrDefault(key(baseUrl, model), OutputMode.JSON_SCHEMA);
    }

    public void put(String baseUrl, String model, OutputMode mode) {
        modes.put(key(baseUrl, model), mode);
    }

    private static String key(String baseUrl, String model) {
        return baseUrl + "\n" + model;
    }
}
