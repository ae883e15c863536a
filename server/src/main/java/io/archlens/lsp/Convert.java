package io.archlens.lsp;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Related;
import io.archlens.analysis.Severity;
import io.archlens.config.Settings;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/** The only place core types become LSP4J types and back. */
final class Convert {
    private Convert() {
    }

    static Position pos(io.archlens.core.Position p) {
        return new Position(p.line(), p.character());
    }

    static io.archlens.core.Position pos(Position p) {
        return new io.archlens.core.Position(p.getLine(), p.getCharacter());
    }

    static Range range(LineIndex li, TextRange r) {
        return new Range(pos(li.position(r.start())), pos(li.position(r.end())));
    }

    static TextRange range(LineIndex li, Range r) {
        int s = li.offset(pos(r.getStart()));
        int e = li.offset(pos(r.getEnd()));
        return new TextRange(Math.min(s, e), Math.max(s, e));
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    static Diagnostic diagnostic(LineIndex li, Finding f, Settings settings) {
        Diagnostic d = new Diagnostic(range(li, f.range()), f.message(), severity(f.severity()), f.source());
        d.setCode(f.ruleId());
        if (f.fromRuleBook()) {
            d.setCodeDescription(new DiagnosticCodeDescription(settings.docsBaseUrl() + f.ruleId() + ".md"));
        }
        List<DiagnosticTag> tags = new ArrayList<>();
        for (io.archlens.analysis.Tag t : f.tags()) {
            tags.add(t == io.archlens.analysis.Tag.UNNECESSARY ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated);
        }
        if (!tags.isEmpty()) {
            d.setTags(tags);
        }
        if (!f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> rel = new ArrayList<>();
            for (Related r : f.related()) {
                rel.add(new DiagnosticRelatedInformation(new Location(r.uri(), new Range(pos(r.start()), pos(r.end()))),
                        r.message()));
            }
            d.setRelatedInformation(rel);
        }
        return d;
    }

    static TextEdit edit(LineIndex li, io.archlens.analysis.Edit e) {
        return new TextEdit(range(li, e.range()), e.newText());
    }
}
