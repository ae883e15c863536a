package io.archlens.syntax.hcl.eval;

import io.archlens.core.Position;
import io.archlens.core.TextRange;
import io.archlens.syntax.hcl.HclSource;

/**
 * One place a value passed through on its way to where it is used: a variable's default, a {@code .tfvars}
 * assignment, a local, or a module call's argument ({@code argument} true).
 */
public record Loc(HclSource source, TextRange range, String note, boolean argument) {
    public String uri() {
        return source.uri();
    }

    public Position start() {
        return source.position(range.start());
    }

    public Position end() {
        return source.position(range.end());
    }
}
