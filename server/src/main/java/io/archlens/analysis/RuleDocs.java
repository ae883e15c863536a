package io.archlens.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rule documentation pages (docs/rules/&lt;id&gt;.md), bundled in the jar under {@code archlens/rules/}. The page
 * is the hover explanation and the {@code explain} command's output.
 */
public final class RuleDocs {
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private RuleDocs() {
    }

    public static Optional<String> page(String ruleId) {
        return CACHE.computeIfAbsent(ruleId, RuleDocs::read);
    }

    private static Optional<String> read(String ruleId) {
        if (!ruleId.matches("[a-z0-9-]+/[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (InputStream in = RuleDocs.class.getClassLoader().getResourceAsStream("archlens/rules/" + ruleId + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The explanation to show for a finding: its own, else the rule's page, else its message. */
    public static String explanation(Finding f) {
        if (f.explanation() != null && !f.explanation().isBlank()) {
            return f.explanation();
        }
        return page(f.ruleId()).orElse("**" + f.ruleId() + "**: " + f.message());
    }
}
