package io.archlens.syntax.treesitter;

import io.archlens.core.Log;
import java.util.Locale;
import org.treesitter.TSLanguage;
import org.treesitter.TSSymbolType;

/**
 * A tree-sitter grammar shipped in the jar (its native library for Linux x86-64/arm64, macOS and Windows is inside
 * the grammar's artifact). Loaded on first use, so a session that never opens Python never loads Python's library.
 * If the native part cannot load on this platform, {@link #load()} says why (once in the log) and the files of that
 * language are reported as not analysed; nothing else is affected.
 *
 * <p>{@code -Darchlens.treesitter.<id>.library=/path/lib.so} loads the grammar from that file instead (a grammar
 * built for a platform the jar lacks); the failure path is tested by pointing it at a file that does not exist.
 */
public enum Grammar {
    PYTHON("python", "Python", "org.treesitter.TreeSitterPython"),
    JAVASCRIPT("javascript", "JavaScript", "org.treesitter.TreeSitterJavascript"),
    TYPESCRIPT("typescript", "TypeScript", "org.treesitter.TreeSitterTypescript"),
    TSX("tsx", "TSX", "org.treesitter.TreeSitterTsx"),
    GO("go", "Go", "org.treesitter.TreeSitterGo");

    private final String id;
    private final String displayName;
    private final String className;
    private volatile Loaded loaded;

    Grammar(String id, String displayName, String className) {
        this.id = id;
        this.displayName = displayName;
        this.className = className;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The loaded grammar with its symbol and field tables, or the reason it could not be loaded. */
    public Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = loadNow();
                    loaded = l;
                }
            }
        }
        return l;
    }

    /** Forgets the loaded grammar (tests of the failure path, which set the library property first). */
    synchronized void forget() {
        loaded = null;
    }

    private Loaded loadNow() {
        String override = System.getProperty("archlens.treesitter." + id + ".library");
        try {
            TSLanguage language = override != null
                    ? TSLanguage.load(override, "tree_sitter_" + id)
                    : (TSLanguage) Class.forName(className).getConstructor().newInstance();
            return Loaded.of(this, language);
        } catch (Throwable t) { // UnsatisfiedLinkError, "Does not support OS", a missing class: all mean "cannot parse"
            Throwable cause = t.getCause() != null && t instanceof ReflectiveOperationException ? t.getCause() : t;
            String why = displayName + " is not analysed: tree-sitter's " + id + " grammar could not load on "
                    + System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + "/" + System.getProperty("os.arch", "?")
                    + " (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() != null ? ": " + oneLine(cause.getMessage()) : "") + ")";
            Log.warn(why);
            return Loaded.failed(this, why);
        }
    }

    private static String oneLine(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** A grammar ready to parse ({@link #language} non-null), or the reason it is not ({@link #failure}). */
    public static final class Loaded {
        final Grammar grammar;
        final TSLanguage language;
        final String failure;
        final String[] symbols;
        final boolean[] named;
        final String[] fields;
        /** Per symbol, the first symbol of the same name and kind: what the binding's public symbol would be. */
        final int[] canonical;
        /** Aliases learnt from the binding, by (parent production &lt;&lt; 16 | child index); see {@link CursorMemory}. */
        private final java.util.Map<Integer, Integer> aliases = new java.util.concurrent.ConcurrentHashMap<>();
        /** Whether {@link CursorMemory} gave the binding's tree on this grammar's sample (null: not yet tried). */
        volatile Boolean memory;

        private Loaded(Grammar grammar, TSLanguage language, String failure, String[] symbols, boolean[] named,
                String[] fields) {
            this.grammar = grammar;
            this.language = language;
            this.failure = failure;
            this.symbols = symbols;
            this.named = named;
            this.fields = fields;
            this.canonical = new int[symbols.length];
            java.util.Map<String, Integer> first = new java.util.HashMap<>();
            for (int i = 0; i < symbols.length; i++) {
                Integer earlier = first.putIfAbsent((named[i] ? "N" : "A") + symbols[i], i);
                canonical[i] = earlier == null ? i : earlier;
            }
        }

        static Loaded of(Grammar g, TSLanguage language) {
            int n = language.symbolCount();
            String[] symbols = new String[n];
            boolean[] named = new boolean[n];
            for (int i = 0; i < n; i++) {
                symbols[i] = language.symbolName(i).intern();
                named[i] = language.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
            }
            int f = language.fieldCount();
            String[] fields = new String[f + 1];
            for (int i = 1; i <= f; i++) {
                fields[i] = language.fieldNameForId(i).intern();
            }
            return new Loaded(g, language, null, symbols, named, fields);
        }

        static Loaded failed(Grammar g, String why) {
            return new Loaded(g, null, why, new String[0], new boolean[0], new String[1]);
        }

        public boolean ok() {
            return language != null;
        }

        /** Why the grammar is not available, in a sentence for the user; null when it is. */
        public String failure() {
            return failure;
        }

        String symbol(int id) {
            if (id >= 0 && id < symbols.length) {
                return symbols[id];
            }
            return id == 0xFFFF || id == -1 ? "ERROR" : "?";
        }

        boolean isNamed(int id) {
            return id >= 0 && id < named.length ? named[id] : id == 0xFFFF || id == -1;
        }

        int canonical(int id) {
            return id >= 0 && id < canonical.length ? canonical[id] : id;
        }

        /** The alias of a parent production's child (0: none), asked of the binding the first time only. */
        int alias(int production, int childIndex, java.util.function.IntSupplier ask) {
            if (childIndex > 0xFFFF) {
                return ask.getAsInt();
            }
            Integer key = production << 16 | childIndex;
            Integer a = aliases.get(key);
            if (a == null) {
                a = ask.getAsInt();
                aliases.put(key, a);
            }
            return a;
        }

        String field(int id) {
            return id > 0 && id < fields.length ? fields[id] : null;
        }
    }
}
