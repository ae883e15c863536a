package io.archlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.Version;
import io.archlens.analysis.Finding;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline file: the findings a team accepted on the day it adopted ArchLens. {@code --baseline} reports only
 * findings not in it. Entries match on rule id, file and {@link Fingerprints fingerprint} (line numbers are only
 * recorded for people reading the file), each entry absorbing one finding.
 */
final class Baseline {
    static final int VERSION = 1;

    private final Map<String, Integer> entries;

    private Baseline(Map<String, Integer> entries) {
        this.entries = entries;
    }

    static String key(String rule, String path, String fingerprint) {
        return rule + "\0" + path + "\0" + fingerprint;
    }

    static void write(List<FileResult> results, Path file) throws IOException {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("tool", "archlens");
        root.put("version", VERSION);
        root.put("archlensVersion", Version.get());
        ArrayNode list = root.putArray("findings");
        Fingerprints.each(results, (fr, li, f, print) -> list.addObject().put("rule", f.ruleId())
                .put("path", fr.displayPath()).put("fingerprint", print).put("line", li.lineOf(f.range().start()) + 1)
                .put("message", f.message()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JsonReport.MAPPER.writeValueAsString(root) + "\n");
    }

    /** Reads a baseline; IOException with a message for people when it is missing or not a baseline. */
    static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JsonReport.MAPPER.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a baseline file (not JSON: " + e.getOriginalMessage() + ")");
        }
        if (root == null || !"archlens".equals(root.path("tool").asText()) || !root.path("findings").isArray()) {
            throw new IOException(file + " is not an ArchLens baseline file (write one with --write-baseline)");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new IOException(file + ": baseline version " + root.path("version").asText()
                    + " is not supported (expected " + VERSION + "); write it again with --write-baseline");
        }
        Map<String, Integer> entries = new HashMap<>();
        for (JsonNode e : root.path("findings")) {
            entries.merge(key(e.path("rule").asText(), e.path("path").asText(), e.path("fingerprint").asText()), 1,
                    Integer::sum);
        }
        return new Baseline(entries);
    }

    /** The findings not in the baseline. */
    List<FileResult> newFindings(List<FileResult> results) {
        Map<String, Integer> left = new HashMap<>(entries);
        return Findings.keep(results, new java.util.function.BiPredicate<>() {
            private FileResult current;
            private Map<Finding, String> prints;

            @Override
            public boolean test(FileResult fr, Finding f) {
                if (fr != current) {
                    current = fr;
                    prints = Fingerprints.of(fr);
                }
                String k = key(f.ruleId(), fr.displayPath(), prints.get(f));
                Integer n = left.get(k);
                if (n == null || n == 0) {
                    return true;
                }
                left.put(k, n - 1);
                return false;
            }
        });
    }
}
