package io.archlens.syntax.java;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.CodeModel;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One parsed Java file: JavaParser's tree (partial when the text does not parse), exact ranges of its nodes,
 * the types its imports and declarations name, and the language-neutral facts ({@link CodeFacts}).
 */
public final class JavaFile implements CodeModel {
    private final SourceFile file;
    private final CompilationUnit cu;
    private final Offsets offsets;
    private final Types types;
    private final boolean test;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Class<?>, List<?>> byType = new ConcurrentHashMap<>();
    private CodeFacts facts = CodeFacts.EMPTY;

    JavaFile(SourceFile file, CompilationUnit cu, Offsets offsets) {
        this.file = file;
        this.cu = cu;
        this.offsets = offsets;
        walk(cu);
        // a new memo per version: the kept tree of an editor document is reused (MemberReparse)
        cu.setData(Decls.LOCALS, java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
        this.types = new Types(cu, all(com.github.javaparser.ast.body.TypeDeclaration.class));
        String p = "/" + file.path().replace('\\', '/');
        this.test = p.contains("/src/test/") || p.contains("/test/java/") || p.endsWith("Test.java")
                || p.endsWith("Tests.java") || p.endsWith("IT.java");
    }

    void facts(CodeFacts f) {
        this.facts = f;
    }

    public SourceFile file() {
        return file;
    }

    public CompilationUnit unit() {
        return cu;
    }

    /**
     * Every node of a type in the file, in document order: one walk of the tree shared by all rules (JavaParser's
     * {@code findAll} walks the whole tree each time).
     */
    @SuppressWarnings("unchecked")
    public <T extends Node> List<T> all(Class<T> type) {
        return (List<T>) byType.computeIfAbsent(type, t -> {
            // the node classes of this file that are a T: one, usually, whose bucket is the answer; several are
            // merged back into document order by node index
            List<int[]> buckets = new ArrayList<>();
            int size = 0;
            for (Map.Entry<Class<?>, int[]> e : byClass.entrySet()) {
                if (type.isAssignableFrom(e.getKey())) {
                    buckets.add(e.getValue());
                    size += e.getValue().length;
                }
            }
            int[] at = new int[size];
            int k = 0;
            for (int[] b : buckets) {
                System.arraycopy(b, 0, at, k, b.length);
                k += b.length;
            }
            if (buckets.size() > 1) {
                java.util.Arrays.sort(at);
            }
            Object[] out = new Object[size];
            for (int i = 0; i < size; i++) {
                out[i] = nodes.get(at[i]);
            }
            return (List<T>) (List<?>) java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
        });
    }

    private final Map<Node, String> printed = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * The node as JavaParser prints it ({@code toString()}: a pretty-printer run over the subtree), once per node
     * for all the rules that compare a call's scope.
     */
    public String printed(Node n) {
        String s = printed.get(n);
        if (s == null) {
            s = n.toString();
            printed.put(n, s);
        }
        return s;
    }

    /** Node indexes by exact class, in document order. */
    private Map<Class<?>, int[]> byClass = Map.of();

    /** Pre-order over the tree with an explicit stack (JavaParser's own walk builds a Vector-backed one per call). */
    private void walk(Node root) {
        Node[] stack = new Node[64];
        int sp = 0;
        stack[sp++] = root;
        Map<Class<?>, Bucket> buckets = new java.util.IdentityHashMap<>();
        Class<?> lastClass = null;
        Bucket last = null;
        while (sp > 0) {
            Node n = stack[--sp];
            Class<?> c = n.getClass();
            if (c != lastClass) {
                lastClass = c;
                last = buckets.computeIfAbsent(c, k -> new Bucket());
            }
            last.add(nodes.size());
            nodes.add(n);
            List<Node> ch = n.getChildNodes();
            int size = ch.size();
            if (sp + size > stack.length) {
                stack = java.util.Arrays.copyOf(stack, Math.max(stack.length * 2, sp + size));
            }
            for (int i = size - 1; i >= 0; i--) {
                stack[sp++] = ch.get(i);
            }
        }
        Map<Class<?>, int[]> index = new java.util.IdentityHashMap<>();
        buckets.forEach((c, bucket) -> index.put(c, java.util.Arrays.copyOf(bucket.at, bucket.size)));
        byClass = index;
    }

    /** Node indexes of one class, in walk order. */
    private static final class Bucket {
        int[] at = new int[8];
        int size;

        void add(int i) {
            if (size == at.length) {
                at = java.util.Arrays.copyOf(at, size * 2);
            }
            at[size++] = i;
        }
    }

    public Types types() {
        return types;
    }

    /** Test code (under src/test, or named *Test): rules about production behaviour stay quiet there. */
    @Override
    public boolean isTest() {
        return test;
    }

    public TextRange range(Node n) {
        return offsets.range(n);
    }

    public TextRange range(JavaToken t) {
        return offsets.range(t);
    }

    /** The range of a node's name token (a method call's name, a declaration's name), else the node's range. */
    public TextRange nameRange(Node n) {
        if (n instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named) {
            return range(named.getName());
        }
        return range(n);
    }

    public String text(Node n) {
        return file.slice(range(n));
    }

    @Override
    public CodeFacts facts() {
        return facts;
    }
}
