package io.archlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.Version;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleBook;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * Machine-readable findings: one object per finding with 1-based lines and UTF-16 columns, the analysed files with
 * their kinds, and the skipped ones with a reason code (see docs/json-output.md).
 */
final class JsonReport {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Builds the mapper and its serializers for the report's node types (see {@link Main#prepare}). */
    static void prepare() {
        ObjectNode o = MAPPER.createObjectNode().put("tool", "archlens").put("files", 0).put("safe", true);
        o.putArray("findings").addObject().put("path", "p");
        try {
            MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(List<FileResult> results, RuleBook book, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "archlens");
        root.put("version", Version.get());
        ArrayNode findings = root.putArray("findings");
        ArrayNode analysed = root.putArray("files");
        ArrayNode skipped = root.putArray("skipped");
        int files = 0;
        for (FileResult r : results) {
            if (r.analysis() == null) {
                if (r.skip() != null) {
                    skipped.addObject().put("path", r.displayPath()).put("reason", r.skip().code())
                            .put("detail", r.skip().detail());
                }
                continue;
            }
            files++;
            analysed.addObject().put("path", r.displayPath()).put("kind", r.kind().id());
            LineIndex li = r.analysis().file().lines();
            for (Finding f : r.findings()) {
                Position s = li.position(f.range().start());
                Position e = li.position(f.range().end());
                ObjectNode o = findings.addObject();
                o.put("path", r.displayPath());
                o.put("line", s.line() + 1);
                o.put("column", s.displayColumn());
                o.put("endLine", e.line() + 1);
                o.put("endColumn", e.displayColumn());
                o.put("severity", f.severity().label());
                o.put("rule", f.ruleId());
                o.put("category", f.category().label());
                o.put("message", f.message());
                o.put("source", f.source());
                ArrayNode fixes = o.putArray("fixes");
                for (Fix fix : f.fixes()) {
                    fixes.addObject().put("title", fix.title()).put("safe", fix.safe());
                }
                if (!f.related().isEmpty()) {
                    ArrayNode rel = o.putArray("related");
                    for (io.archlens.analysis.Related x : f.related()) {
                        rel.addObject().put("path", relatedPath(x.uri())).put("line", x.start().line() + 1)
                                .put("column", x.start().displayColumn()).put("message", x.message());
                    }
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("files", files);
        ObjectNode kinds = summary.putObject("kinds");
        Coverage.byKind(results).forEach(kinds::put);
        summary.put("skipped", skipped.size());
        summary.put("findings", findings.size());
        try {
            // straight into the writer (a megabyte for 500 files is not first built as one string)
            MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        out.println();
    }

    /** A related location's file as the report names files: relative to the current folder when inside it. */
    static String relatedPath(String uri) {
        return io.archlens.workspace.Paths2.displayPath(uri, java.nio.file.Path.of("").toAbsolutePath());
    }
}
