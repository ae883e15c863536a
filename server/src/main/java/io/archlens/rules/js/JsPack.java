package io.archlens.rules.js;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.js.JsFacts;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.CodeTreeParser;
import java.util.List;

/** JavaScript files ({@code .js .jsx .mjs .cjs}); the same {@code js/*} rules as {@link TsPack}. */
public final class JsPack implements RulePack<CodeTree> {
    static final Parser<CodeTree> PARSER = new CodeTreeParser(JsFacts::grammar, JsFacts::extract,
            JsFacts::isTestPath);

    @Override
    public FileKind kind() {
        return FileKind.JAVASCRIPT;
    }

    @Override
    public Parser<CodeTree> parser() {
        return PARSER;
    }

    @Override
    public List<Rule<CodeTree>> rules() {
        return JsRules.ALL;
    }
}
