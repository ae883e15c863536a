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
        this.types = new Types(cu);
        cu.walk(nodes::add);
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
            List<T> out = new ArrayList<>();
            for (Node n : nodes) {
                if (type.isInstance(n)) {
                    out.add((T) n);
                }
            }
            return List.copyOf(out);
        });
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
