package io.archlens.agent.validate;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.agent.provider.Failure;
import io.archlens.agent.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the findings object. The whole answer must be a JSON object with a {@code findings} array; inside
 * it, items are read leniently (a malformed item is skipped, not the whole answer) and capped in number.
 */
public final class AgentOutputParser {
    public static final int MAX_FINDINGS = 50;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private AgentOutputParser() {
    }

    public static List<RawFinding> parse(String json) throws ProviderException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the answer is not valid JSON (truncated or malformed)");
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray()) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the answer has no 'findings' list");
        }
        List<RawFinding> out = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            if (out.size() == MAX_FINDINGS) {
                break;
            }
            if (!f.isObject()) {
                continue;
            }
            JsonNode anchor = f.path("anchor");
            out.add(new RawFinding(text(f, "rule"), text(f, "category"), text(f, "severity"), text(f, "message"),
                    text(f, "explanation"), f.path("confidence").isNumber() ? f.path("confidence").asDouble() : null,
                    text(anchor, "quote"), anchor.path("line_hint").canConvertToInt() ? anchor.path("line_hint").asInt() : null,
                    fix(f.path("fix"))));
        }
        return out;
    }

    private static RawFinding.RawFix fix(JsonNode fix) {
        if (!fix.isObject()) {
            return null;
        }
        List<RawFinding.RawEdit> edits = new ArrayList<>();
        for (JsonNode e : fix.path("edits")) {
            if (e.isObject()) {
                edits.add(new RawFinding.RawEdit(text(e, "search"), text(e, "replace")));
            }
        }
        return new RawFinding.RawFix(text(fix, "title"), edits);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }
}
