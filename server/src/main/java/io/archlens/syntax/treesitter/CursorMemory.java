package io.archlens.syntax.treesitter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Reads the node under a tree-sitter cursor from the native tree itself instead of through the binding: the binding
 * marshals every {@code TSNode} argument field by field (about 0.9 µs a call) and builds a Java object for every
 * {@code currentNode()} (0.65 µs), which made the copy of a 2,000-line file cost more than its parse. The cursor's
 * top stack entry gives the node's start and its subtree, whose symbol, size and flags sit at fixed offsets; an alias
 * (the parent's production and the child's index) is asked of the binding once per pair and remembered.
 *
 * <p>The layout is tree-sitter 0.26's ({@code tree_cursor.h}, {@code subtree.h}) for a little-endian 64-bit build,
 * so this is used only with the exact native libraries it was checked against (their CRC-32, below) and only after
 * {@link TreeSitterParser} found it gives the same tree as the binding on a sample of the grammar; anything else
 * (another binding version, a platform library built elsewhere, {@code -Darchlens.treesitter.memory=false}) copies
 * through the binding as before.
 */
final class CursorMemory implements TreeCopy.Node {
    /** CRC-32 of tree-sitter-ng 0.26.6's native libraries (Linux x86-64/arm64, macOS x86-64/arm64, Windows x86-64). */
    private static final Set<Long> KNOWN = Set.of(0x94f95d71L, 0xf1115603L, 0x99b88229L, 0x6f3359aeL, 0x3065d316L);
    private static final int ENTRY = 32;
    private static final sun.misc.Unsafe U;
    private static final VarHandle CURSOR;
    private static final VarHandle ALIAS;
    static final boolean AVAILABLE;

    static {
        sun.misc.Unsafe u = null;
        VarHandle cursor = null;
        VarHandle alias = null;
        boolean ok = false;
        try {
            if (Boolean.parseBoolean(System.getProperty("archlens.treesitter.memory", "true"))
                    && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN && unsafeAllowed() && knownLibrary()) {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                u = (sun.misc.Unsafe) f.get(null);
                ok = u.addressSize() == 8;
                cursor = MethodHandles.privateLookupIn(TSTreeCursor.class, MethodHandles.lookup())
                        .findVarHandle(TSTreeCursor.class, "ptr", long.class);
                alias = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
                        .findVarHandle(TSNode.class, "context3", int.class);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            ok = false;
        }
        U = u;
        CURSOR = cursor;
        ALIAS = alias;
        AVAILABLE = ok && cursor != null && alias != null;
    }

    /**
     * From Java 24 the first memory read through {@code sun.misc.Unsafe} prints a warning on stderr unless the JVM was
     * started with {@code --sun-misc-unsafe-memory-access=allow} (the launcher and the VS Code extension pass it from
     * Java 23); without it the copy goes through the binding, slower and silent.
     */
    private static boolean unsafeAllowed() {
        if (Runtime.version().feature() < 24) {
            return true;
        }
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("--sun-misc-unsafe-memory-access=allow");
    }

    // the node under the cursor, after load()
    private int symbol;
    private int startByte;
    private int endByte;
    private boolean missing;
    /** The node has children, though perhaps only hidden ones (a leaf needs no call to find it has none). */
    private boolean parent;

    private final Grammar.Loaded grammar;
    private final TSTreeCursor cursor;
    private final long ptr;

    CursorMemory(Grammar.Loaded grammar, TSTreeCursor cursor) {
        this.grammar = grammar;
        this.cursor = cursor;
        this.ptr = (long) CURSOR.get(cursor);
    }

    @Override
    public int symbol() {
        return symbol;
    }

    @Override
    public int startByte() {
        return startByte;
    }

    @Override
    public int endByte() {
        return endByte;
    }

    @Override
    public boolean missing() {
        return missing;
    }

    @Override
    public boolean mayHaveChildren() {
        return parent;
    }

    /** Reads the node the cursor stands on (at the root, without the cursor's own alias, which is none here). */
    @Override
    public void load() {
        long stack = U.getLong(ptr + 8);
        int depth = U.getInt(ptr + 16);
        long entry = stack + (long) (depth - 1) * ENTRY;
        long subtree = U.getLong(U.getLong(entry));
        startByte = U.getInt(entry + 8);
        boolean extra;
        if ((subtree & 1) != 0) { // inline: flags in the low byte, symbol in the next, size in the top byte
            symbol = (int) (subtree >>> 8) & 0xFF;
            endByte = startByte + ((int) (subtree >>> 56) & 0xFF);
            extra = (subtree & 0x08) != 0;
            missing = (subtree & 0x20) != 0;
            parent = false;
        } else {
            symbol = U.getShort(subtree + 40) & 0xFFFF;
            endByte = startByte + U.getInt(subtree + 16);
            extra = (U.getByte(subtree + 44) & 0x04) != 0;
            missing = (U.getByte(subtree + 45) & 0x02) != 0;
            parent = U.getInt(subtree + 36) > 0;
        }
        if (!extra && depth > 1) {
            long above = U.getLong(U.getLong(entry - ENTRY));
            int production = U.getShort(above + 66) & 0xFFFF;
            if (production != 0) {
                int a = grammar.alias(production, U.getInt(entry + 24), this::askAlias);
                if (a != 0) {
                    symbol = a;
                }
            }
        }
    }

    private int askAlias() {
        return (int) ALIAS.get(cursor.currentNode());
    }

    private static boolean knownLibrary() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.contains("amd64") || arch.contains("x86_64") ? "x86_64" : arch.contains("aarch64") ? "aarch64" : "";
        String name = os.contains("windows") ? cpu + "-windows-tree-sitter.dll"
                : os.contains("linux") ? cpu + "-linux-gnu-tree-sitter.so"
                : os.contains("mac") ? cpu + "-macos-tree-sitter.dylib" : "";
        try (InputStream in = TSNode.class.getClassLoader().getResourceAsStream("lib/" + name)) {
            if (in == null || cpu.isEmpty()) {
                return false;
            }
            CRC32 crc = new CRC32();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
            return KNOWN.contains(crc.getValue());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
