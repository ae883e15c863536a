package io.archlens.agent.prompt;

import io.archlens.agent.definition.AgentDefinition;
import io.archlens.agent.redact.Redacted;
import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Assembles the system prompt and the user message for one file. */
public final class PromptBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NONCE_SLOT = "\u0000NONCE\u0000";
    private static final int MAX_LISTED_FINDINGS = 50;

    private final Supplier<String> nonces;

    public PromptBuilder() {
        this(PromptBuilder::randomNonce);
    }

    public PromptBuilder(Supplier<String> nonces) {
        this.nonces = nonces;
    }

    public static String randomNonce() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public AgentPrompt build(AgentDefinition def, SourceFile file, Redacted redacted, ProjectContext project,
            List<Finding> ruleFindings) {
        return build(def, file, redacted, project, ruleFindings, null);
    }

    /**
     * The prompt, with {@code system} (a compact summary of the workspace's system model around the file: the
     * workloads it defines or configures, their neighbours, ports, replicas, cross-file findings) when known.
     */
    public AgentPrompt build(AgentDefinition def, SourceFile file, Redacted redacted, ProjectContext project,
            List<Finding> ruleFindings, String systemSummary) {
        String nonce = nonces.get();
        while (redacted.text().contains(nonce)) {
            nonce = randomNonce();
        }
        String system = def.prompt().strip() + "\n\n" + OutputContract.instructions(nonce);
        String template = userTemplate(file, redacted, project, ruleFindings, systemSummary);
        return new AgentPrompt(system, template.replace(NONCE_SLOT, nonce), nonce, template, redacted);
    }

    private static String userTemplate(SourceFile file, Redacted redacted, ProjectContext project,
            List<Finding> ruleFindings, String system) {
        StringBuilder sb = new StringBuilder(redacted.text().length() + 1024);
        sb.append("Review this file.\n\n");
        sb.append("Path: ").append(oneLine(file.path())).append('\n');
        sb.append("Kind: ").append(file.kind().id()).append('\n');
        String ctx = context(project);
        sb.append("Project context: ").append(ctx.isEmpty() ? "not declared (state your assumptions)" : ctx).append('\n');
        if (!redacted.redactions().isEmpty()) {
            sb.append("Secrets replaced by placeholders: ").append(redacted.redactions().size()).append('\n');
        }
        if (system != null && !system.isBlank()) {
            sb.append("\nThe system around this file (from the workspace's other configuration files):\n")
                    .append(system.strip()).append('\n');
        }
        if (ruleFindings != null && !ruleFindings.isEmpty()) {
            sb.append("\nAlready reported by the ArchLens rule book (do not repeat these):\n");
            int n = 0;
            for (Finding f : ruleFindings) {
                if (n++ == MAX_LISTED_FINDINGS) {
                    sb.append("- ...\n");
                    break;
                }
                int line = file.lines().lineOf(f.range().start()) + 1;
                sb.append("- line ").append(line).append(": ").append(f.ruleId()).append(" (")
                        .append(f.category().label()).append(")\n");
            }
        }
        sb.append("\n<<<FILE-").append(NONCE_SLOT).append('\n');
        sb.append(redacted.text());
        if (!redacted.text().endsWith("\n")) {
            sb.append('\n');
        }
        sb.append("FILE-").append(NONCE_SLOT).append(">>>\n");
        return sb.toString();
    }

    private static String context(ProjectContext p) {
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : p.raw().entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(oneLine(e.getKey())).append('=').append(oneLine(String.valueOf(e.getValue())));
            if (sb.length() > 1000) {
                break;
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
