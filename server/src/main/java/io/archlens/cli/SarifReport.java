package io.archlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.Version;
import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleDocs;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.config.Settings;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0 with rule metadata, as GitHub code scanning reads it. Columns are UTF-16 code units. */
final class SarifReport {
    private SarifReport() {
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    static void write(List<FileResult> results, RuleBook book, Settings settings, PrintWriter out) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ArchLens");
        driver.put("version", Version.get());
        driver.put("semanticVersion", Version.get());
        driver.put("informationUri", "https://github.com/archlens/archlens");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleMeta m : book.allRules()) {
            index.put(m.id(), rules.size());
            ObjectNode r = rules.addObject();
            r.put("id", m.id());
            r.put("name", m.id());
            r.putObject("shortDescription").put("text", m.title());
            r.put("helpUri", settings.docsBaseUrl() + m.docPath());
            RuleDocs.page(m.id()).ifPresent(doc -> r.putObject("help").put("text", doc).put("markdown", doc));
            r.putObject("defaultConfiguration").put("level", level(m.defaultSeverity()));
            ObjectNode props = r.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add(m.category().label());
            if (m.kind() != null) {
                tags.add(m.kind().id());
            }
            if (m.category().label().equals("security")) {
                props.put("security-severity", m.defaultSeverity() == Severity.ERROR ? "8.0" : "5.0");
            }
        }
        // findings of the LLM agent carry ids the rule book does not know (agent/<slug>): each id gets a rule
        // entry of its own, so code scanning can group, filter and dismiss them like any other rule
        for (FileResult fr : results) {
            for (Finding f : fr.analysis() == null ? List.<Finding>of() : fr.findings()) {
                if (index.containsKey(f.ruleId())) {
                    continue;
                }
                index.put(f.ruleId(), rules.size());
                ObjectNode r = rules.addObject();
                r.put("id", f.ruleId());
                r.put("name", f.ruleId());
                String who = f.source().startsWith(Finding.RULE_BOOK_SOURCE + "/")
                        ? f.source().substring(Finding.RULE_BOOK_SOURCE.length() + 1) : f.source();
                r.putObject("shortDescription").put("text", "Reported by the LLM agent " + who
                        + " (not a rule-book rule; see the result message)");
                r.put("helpUri", settings.docsBaseUrl() + "docs/agents.md");
                r.putObject("defaultConfiguration").put("level", level(f.severity()));
                ArrayNode tags = r.putObject("properties").putArray("tags");
                tags.add(f.category().label());
                tags.add("llm-agent");
            }
        }
        run.put("columnKind", "utf16CodeUnits");
        ObjectNode base = run.putObject("originalUriBaseIds").putObject("%SRCROOT%");
        base.put("uri", java.nio.file.Path.of("").toAbsolutePath().toUri().toString());
        // every analysed file, with its detected kind: "what was reviewed", findings or not
        ArrayNode artifacts = run.putArray("artifacts");
        Map<String, Integer> artifactIndex = new HashMap<>();
        for (FileResult fr : results) {
            if (fr.kind() != null) {
                artifactIndex.put(fr.displayPath(), artifacts.size());
                ObjectNode a = artifacts.addObject();
                a.putObject("location").put("uri", fr.displayPath()).put("uriBaseId", "%SRCROOT%");
                a.putArray("roles").add("analysisTarget");
                a.putObject("properties").put("kind", fr.kind().id());
            }
        }
        ArrayNode res = run.putArray("results");
        for (FileResult fr : results) {
            if (fr.analysis() == null) {
                continue;
            }
            LineIndex li = fr.analysis().file().lines();
            Map<Finding, String> prints = Fingerprints.of(fr);
            for (Finding f : fr.findings()) {
                Position s = li.position(f.range().start());
                Position e = li.position(f.range().end());
                ObjectNode r = res.addObject();
                r.put("ruleId", f.ruleId());
                Integer idx = index.get(f.ruleId());
                if (idx != null) {
                    r.put("ruleIndex", idx);
                }
                r.put("level", level(f.severity()));
                r.putObject("message").put("text", f.message());
                ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
                ObjectNode art = phys.putObject("artifactLocation").put("uri", fr.displayPath())
                        .put("uriBaseId", "%SRCROOT%");
                if (artifactIndex.containsKey(fr.displayPath())) {
                    art.put("index", artifactIndex.get(fr.displayPath()));
                }
                ObjectNode region = phys.putObject("region");
                region.put("startLine", s.line() + 1);
                region.put("startColumn", s.displayColumn());
                region.put("endLine", e.line() + 1);
                region.put("endColumn", e.displayColumn());
                if (!f.related().isEmpty()) {
                    ArrayNode rel = r.putArray("relatedLocations");
                    int id = 0;
                    for (io.archlens.analysis.Related x : f.related()) {
                        ObjectNode loc = rel.addObject();
                        loc.put("id", id++);
                        ObjectNode p = loc.putObject("physicalLocation");
                        String path = JsonReport.relatedPath(x.uri());
                        if (path.startsWith("/") || path.contains(":")) {
                            p.putObject("artifactLocation").put("uri", x.uri());
                        } else {
                            p.putObject("artifactLocation").put("uri", path).put("uriBaseId", "%SRCROOT%");
                        }
                        p.putObject("region").put("startLine", x.start().line() + 1)
                                .put("startColumn", x.start().displayColumn()).put("endLine", x.end().line() + 1)
                                .put("endColumn", x.end().displayColumn());
                        loc.putObject("message").put("text", x.message());
                    }
                }
                // the baseline's fingerprint: rule, file, message and the text of the lines, no line numbers
                r.putObject("partialFingerprints").put("archlens/v2", prints.get(f));
            }
        }
        try {
            out.println(JsonReport.MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
