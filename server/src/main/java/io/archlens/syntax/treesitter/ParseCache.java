package io.archlens.syntax.treesitter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.treesitter.TSTree;

/**
 * The last parse of the few most recent documents (by URI and grammar), kept so that the next version of the same
 * document is parsed incrementally. An entry is taken out while it is used, so two threads never share a native
 * tree; evicted entries free their native tree at once. Files above {@link #MAX_CHARS} are not kept.
 */
final class ParseCache {
    static final int MAX_CHARS = 1 << 20;
    private static final int ENTRIES = 8;

    record Entry(String clean, TSTree tree, SyntaxTree mirror) {
    }

    private static final Map<String, Entry> ENTRIES_BY_KEY = new LinkedHashMap<>(16, 0.75f, true);

    private ParseCache() {
    }

    static Entry take(String key) {
        synchronized (ENTRIES_BY_KEY) {
            return ENTRIES_BY_KEY.remove(key);
        }
    }

    static void put(String key, Entry e) {
        Entry evicted = null;
        Entry replaced;
        synchronized (ENTRIES_BY_KEY) {
            replaced = ENTRIES_BY_KEY.put(key, e);
            if (ENTRIES_BY_KEY.size() > ENTRIES) {
                String eldest = ENTRIES_BY_KEY.keySet().iterator().next();
                evicted = ENTRIES_BY_KEY.remove(eldest);
            }
        }
        close(replaced);
        close(evicted);
    }

    static int size() {
        synchronized (ENTRIES_BY_KEY) {
            return ENTRIES_BY_KEY.size();
        }
    }

    /** Forgets a document (closed in the editor). */
    static void forget(String key) {
        close(take(key));
    }

    static void close(Entry e) {
        if (e != null) {
            e.tree().close();
        }
    }
}
