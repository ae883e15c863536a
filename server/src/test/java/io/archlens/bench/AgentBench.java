package io.archlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.prompt.AgentPrompt;
import io.archlens.agent.prompt.PromptBuilder;
import io.archlens.agent.redact.Redacted;
import io.archlens.agent.redact.Redactor;
import io.archlens.agent.validate.AgentOutputParser;
import io.archlens.agent.validate.FindingValidator;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The agent's local overhead per review, without the network: redaction, prompt assembly, and validation of
 * an answer with 20 findings (each with a fix that is anchored, applied and re-parsed). Input: a generated
 * 10 KB and a 100 KB Compose file with secrets. Run (after {@code mvn -q -B -o test-compile} and building target/cp.txt):
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.AgentBench</pre>
 */
public final class AgentBench {
    public static void main(String[] args) throws Exception {
        for (int size : new int[] {10_000, 100_000}) {
            run(size);
        }
    }

    private static void run(int size) throws Exception {
        StringBuilder sb = new StringBuilder("services:\n");
        int i = 0;
        while (sb.length() < size) {
            sb.append("  svc").append(i).append(":\n    image: shop/svc").append(i).append(":1.").append(i)
                    .append("\n    environment:\n      DB_PASSWORD: pw-").append(i * 7919)
                    .append("\n      DATABASE_URL: postgres://shop:secret").append(i).append("@db:5432/shop\n")
                    .append("      TIMEOUT_MS: \"").append(1000 + i).append("\"\n");
            i++;
        }
        String text = sb.toString();
        SourceFile file = new SourceFile("file:///w/docker-compose.yml", "docker-compose.yml", text, FileKind.COMPOSE, 1);
        var def = AgentDefinitions.load(null).get(null).orElseThrow();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (int k = 0; k < 20; k++) {
            int svc = k * (i / 20);
            ObjectNode f = findings.addObject();
            f.put("rule", "timeout-" + k).put("category", "reliability").put("severity", "warning")
                    .put("message", "m").put("explanation", "**why** it matters, with `code`.").put("confidence", 0.8);
            f.putObject("anchor").put("quote", "TIMEOUT_MS: \"" + (1000 + svc) + "\"").put("line_hint", svc * 6 + 6);
            ObjectNode fix = f.putObject("fix").put("title", "Lower it");
            fix.putArray("edits").addObject().put("search", "TIMEOUT_MS: \"" + (1000 + svc) + "\"")
                    .put("replace", "TIMEOUT_MS: \"" + (500 + svc) + "\"");
        }
        String answer = root.toString();
        PromptBuilder prompts = new PromptBuilder();
        List<Double> times = new ArrayList<>();
        List<Double> redactTimes = new ArrayList<>();
        List<Double> validateTimes = new ArrayList<>();
        int kept = 0;
        for (int run = 0; run < 60; run++) {
            long t0 = System.nanoTime();
            Redacted red = Redactor.redact(file);
            AgentPrompt p = prompts.build(def, file, red, ProjectContext.EMPTY, List.of());
            long t1 = System.nanoTime();
            var v = FindingValidator.validate(AgentOutputParser.parse(answer), file, p.redacted(), def.name(), 0.5);
            long t2 = System.nanoTime();
            kept = v.findings().size();
            if (run >= 10) {
                times.add((t2 - t0) / 1e6);
                redactTimes.add((t1 - t0) / 1e6);
                validateTimes.add((t2 - t1) / 1e6);
            }
        }
        Collections.sort(times);
        Collections.sort(redactTimes);
        Collections.sort(validateTimes);
        System.out.printf("agent overhead for %d KB compose (%d redactions, %d findings with fixes kept): median %.1f ms,"
                + " p95 %.1f ms (redact+prompt median %.1f ms, validate median %.1f ms)%n",
                text.length() / 1000, Redactor.redact(file).redactions().size(), kept, times.get(times.size() / 2),
                times.get((int) (times.size() * 0.95)), redactTimes.get(redactTimes.size() / 2),
                validateTimes.get(validateTimes.size() / 2));
    }
}
