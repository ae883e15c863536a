package io.archlens.syntax.treesitter;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Parser;
import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@link Parser} of a tree-sitter language: picks the grammar for the file (TypeScript or TSX by name), parses,
 * asks the language's extractor for the {@link CodeFacts} and decides whether the file is test code. Never throws:
 * a grammar that cannot load gives one {@code archlens/not-analyzed} hint naming the platform and the cause; an
 * extractor that fails gives the facts it had (none) and a hint. Syntax errors are left to the language's own
 * tooling (its compiler and language server report them better); the rules judge whatever parsed. Editor documents
 * (a non-zero version) are keyed by URI, so the editor's next version of a file is parsed incrementally; files read
 * from disk are not kept.
 */
public final class CodeTreeParser implements Parser<CodeTree> {
    private final Function<SourceFile, Grammar> grammar;
    private final Function<CodeTree, CodeFacts> extractor;
    private final Predicate<String> testPath;

    public CodeTreeParser(Function<SourceFile, Grammar> grammar, Function<CodeTree, CodeFacts> extractor,
            Predicate<String> testPath) {
        this.grammar = grammar;
        this.extractor = extractor;
        this.testPath = testPath;
    }

    /** {@link io.archlens.code.CodeModel#MAX_SOURCE_CHARS}. */
    public static final int MAX_CHARS = io.archlens.code.CodeModel.MAX_SOURCE_CHARS;

    @Override
    public Parsed<CodeTree> parse(SourceFile file) {
        Grammar g = grammar.apply(file);
        String path = "/" + file.path().replace('\\', '/');
        if (file.text().length() > MAX_CHARS) {
            CodeTree empty = new CodeTree(file, SyntaxTree.empty(g.load(), file.text()), testPath.test(path));
            return new Parsed<>(empty, List.of(ParseIssue.notAnalyzed(TextRange.empty(0), g.displayName() + " file of "
                    + file.text().length() + " characters is not analysed: above the " + MAX_CHARS + " characters "
                    + "ArchLens reads in source code (hand-written code is smaller; bundles and generated code are not "
                    + "worth reviewing)")));
        }
        TreeSitterParser.Result r = TreeSitterParser.parse(g, file.text(), file.version() != 0 ? file.uri() : null);
        CodeTree tree = new CodeTree(file, r.tree(), testPath.test(path));
        List<ParseIssue> issues = new ArrayList<>();
        if (r.failure() != null) {
            issues.add(ParseIssue.notAnalyzed(TextRange.empty(0), r.failure()));
            return new Parsed<>(tree, issues);
        }
        try {
            tree.facts(extractor.apply(tree));
        } catch (RuntimeException | StackOverflowError e) {
            issues.add(ParseIssue.notAnalyzed(TextRange.empty(0), g.displayName() + " facts could not be extracted ("
                    + e.getClass().getSimpleName() + "); the rules that read the tree still ran"));
        }
        return new Parsed<>(tree, issues);
    }
}
