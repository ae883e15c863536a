package io.archlens.syntax.treesitter;

import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.CodeModel;
import io.archlens.core.TextRange;
import java.util.List;

/**
 * One parsed source file of a tree-sitter language (Python, JavaScript, TypeScript, Go): the file, its
 * {@link SyntaxTree}, the language-neutral {@link CodeFacts} its language's extractor found, and whether it is test
 * code. When the grammar could not load, the tree is a single root node and the facts are empty.
 */
public final class CodeTree implements CodeModel {
    private final SourceFile file;
    private final SyntaxTree tree;
    private final boolean test;
    private volatile CodeFacts facts = CodeFacts.EMPTY;
    private final java.util.Map<String, Object> memo = new java.util.concurrent.ConcurrentHashMap<>();

    public CodeTree(SourceFile file, SyntaxTree tree, boolean test) {
        this.file = file;
        this.tree = tree;
        this.test = test;
    }

    public SourceFile file() {
        return file;
    }

    public SyntaxTree tree() {
        return tree;
    }

    public SyntaxNode root() {
        return tree.root();
    }

    /** Every named node of a type, in document order. */
    public List<SyntaxNode> all(String nodeType) {
        return tree.all(nodeType);
    }

    public String text(SyntaxNode n) {
        return n.text();
    }

    public TextRange range(SyntaxNode n) {
        return n.range();
    }

    @Override
    public CodeFacts facts() {
        return facts;
    }

    public void facts(CodeFacts f) {
        this.facts = f == null ? CodeFacts.EMPTY : f;
    }

    /**
     * A value derived from this tree once and shared by every rule that asks for it under the same key (the calls
     * of a file with their callees resolved, say), instead of each rule walking the tree again.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.putIfAbsent(key, v);
        }
        return (T) v;
    }

    @Override
    public boolean isTest() {
        return test;
    }
}
