package io.archlens.syntax.hcl;

import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.core.TextRange;

/** A parsed Terraform file with where it lives: what related locations into a module's other files need. */
public record HclSource(String uri, String name, LineIndex lines, HclFile model) {
    public Position position(int offset) {
        return lines.position(Math.min(offset, lines.text().length()));
    }

    public Position[] positions(TextRange r) {
        return new Position[] {position(r.start()), position(r.end())};
    }
}
