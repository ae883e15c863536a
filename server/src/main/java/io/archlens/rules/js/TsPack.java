package io.archlens.rules.js;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.treesitter.CodeTree;
import java.util.List;

/** TypeScript files ({@code .ts .tsx .mts .cts}); the same {@code js/*} rules as {@link JsPack}. */
public final class TsPack implements RulePack<CodeTree> {
    @Override
    public FileKind kind() {
        return FileKind.TYPESCRIPT;
    }

    @Override
    public Parser<CodeTree> parser() {
        return JsPack.PARSER;
    }

    @Override
    public List<Rule<CodeTree>> rules() {
        return JsRules.ALL;
    }
}
