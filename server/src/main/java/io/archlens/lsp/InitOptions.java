package io.archlens.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.util.Map;

/** Reads single values out of initializationOptions, whatever JSON shape LSP4J hands over. */
final class InitOptions {
    private InitOptions() {
    }

    static Object get(Object options, String key) {
        Object o = options;
        if (o instanceof JsonElement je) {
            o = new Gson().fromJson(je, Object.class);
        }
        if (o instanceof Map<?, ?> m) {
            Object v = m.get(key);
            if (v == null && m.get("archlens") instanceof Map<?, ?> nested) {
                v = nested.get(key);
            }
            return v;
        }
        return null;
    }
}
