package io.archlens.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import io.archlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeFixTest {
    private static final String PATH = "docker-compose.yml";

    /** Re-parses the fixed text: must be valid YAML; returns the root. */
    static YNode reparse(String text) {
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of(PATH, text, FileKind.COMPOSE));
        assertTrue(p.issues().isEmpty(), "fixed file must be valid YAML: " + p.issues() + "\n" + text);
        return p.model().documents().get(0).root();
    }

    private static List<Finding> findings(String text, String ruleId) {
        return Fixtures.analyze(Fixtures.source(PATH, text)).findings().stream()
                .filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void bindsShortPortSyntaxToLoopbackKeepingQuotes() {
        String before = "services:\n  db:\n    image: postgres:16.4\n    ports:\n      - \"5432:5432\"\n";
        String after = fix("compose/database-port-exposed", before);
        assertEquals("services:\n  db:\n    image: postgres:16.4\n    ports:\n      - \"127.0.0.1:5432:5432\"\n", after);
        assertEquals("127.0.0.1:5432:5432", reparse(after).at("services", "db", "ports").asSeq().items().get(0).text());
        assertTrue(findings(after, "compose/database-port-exposed").isEmpty());
    }

    @Test
    void bindsPlainContainerOnlyAndZeroAddressForms() {
        assertEquals("services:\n  c:\n    ports:\n      - 127.0.0.1::6379\n",
                fix("compose/database-port-exposed", "services:\n  c:\n    ports:\n      - 6379\n"));
        assertEquals("services:\n  c:\n    ports:\n      - \"127.0.0.1:6380:6379/tcp\"\n",
                fix("compose/database-port-exposed", "services:\n  c:\n    ports:\n      - \"0.0.0.0:6380:6379/tcp\"\n"));
    }

    @Test
    void addsHostIpToLongPortSyntax() {
        String before = "services:\n  db:\n    ports:\n      - target: 5432\n        published: 5432\n    restart: always\n";
        String after = fix("compose/database-port-exposed", before);
        assertEquals("services:\n  db:\n    ports:\n      - target: 5432\n        published: 5432\n"
                + "        host_ip: 127.0.0.1\n    restart: always\n", after);
        assertEquals("127.0.0.1", reparse(after).at("services", "db", "ports").asSeq().items().get(0).at("host_ip").text());
    }

    @Test
    void portFixIsNotAppliedByFixAll() {
        Finding f = Fixtures.single(findings("services:\n  db:\n    ports: [\"5432:5432\"]\n", "compose/database-port-exposed"),
                "compose/database-port-exposed");
        assertFalse(f.fixes().get(0).safe(), "changes who can connect: manual fix only");
    }

    @Test
    void convertsListDependsOnToMapWithHealthyWhereAHealthcheckExists() {
        String before = "services:\n"
                + "  api:\n    image: shop/api:1.4.2\n    depends_on:\n      - db\n      - redis\n    restart: always\n"
                + "  db:\n    image: postgres:16.4\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready\"]\n"
                + "  redis:\n    image: redis:7.4\n";
        String after = fix("compose/depends-on-not-healthy", before);
        assertEquals("services:\n"
                + "  api:\n    image: shop/api:1.4.2\n    depends_on:\n      db:\n        condition: service_healthy\n"
                + "      redis:\n        condition: service_started\n    restart: always\n"
                + "  db:\n    image: postgres:16.4\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready\"]\n"
                + "  redis:\n    image: redis:7.4\n", after);
        YNode root = reparse(after);
        assertEquals("service_healthy", root.at("services", "api", "depends_on", "db", "condition").text());
        assertEquals("service_started", root.at("services", "api", "depends_on", "redis", "condition").text());
        // db is fixed; redis has no healthcheck: one finding, compose/dependency-without-healthcheck's, with the
        // depends_on entry as a related location (not a second one at the entry)
        assertTrue(findings(after, "compose/depends-on-not-healthy").isEmpty());
        List<Finding> left = findings(after, "compose/dependency-without-healthcheck");
        assertEquals(1, left.size());
        assertEquals(1, left.get(0).related().size());
    }

    @Test
    void convertsFlowListDependsOn() {
        String before = "services:\n  web:\n    depends_on: [api]\n  api:\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n";
        String after = fix("compose/depends-on-not-healthy", before);
        assertEquals("services:\n  web:\n    depends_on:\n      api:\n        condition: service_healthy\n"
                + "  api:\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n", after);
        reparse(after);
    }

    @Test
    void setsConditionInTheMapForm() {
        String hc = "  db:\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n";
        assertEquals("services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n" + hc,
                fix("compose/depends-on-not-healthy",
                        "services:\n  api:\n    depends_on:\n      db:\n        condition: service_started\n" + hc));
        assertEquals("services:\n  api:\n    depends_on:\n      db:\n        restart: true\n        condition: service_healthy\n" + hc,
                fix("compose/depends-on-not-healthy",
                        "services:\n  api:\n    depends_on:\n      db:\n        restart: true\n" + hc));
        String after = fix("compose/depends-on-not-healthy", "services:\n  api:\n    depends_on:\n      db:\n" + hc);
        assertEquals("services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n" + hc, after);
        assertEquals("service_healthy", reparse(after).at("services", "api", "depends_on", "db", "condition").text());
    }

    @Test
    void removesObsoleteVersion() {
        String after = fix("compose/obsolete-version", "version: '3.8'\n\nservices:\n  api:\n    image: a:1\n");
        assertEquals("services:\n  api:\n    image: a:1\n", after);
        assertNull(reparse(after).at("version"));
        // in the middle of the file: only its line goes
        assertEquals("# shop\nservices:\n  api:\n    image: a:1\nx-note: 1\n",
                fix("compose/obsolete-version", "# shop\nservices:\n  api:\n    image: a:1\nversion: \"3\"\nx-note: 1\n"));
    }

    @Test
    void addsRestartPolicyWithFourSpaceIndentationAndCrlf() {
        String before = "services:\r\n    api:\r\n        image: shop/api:1.4.2\r\n        environment:\r\n"
                + "            LOG_LEVEL: info\r\n    db:\r\n        image: postgres:16.4\r\n        restart: always\r\n";
        String after = fix("compose/no-restart-policy", before);
        assertEquals("services:\r\n    api:\r\n        image: shop/api:1.4.2\r\n        environment:\r\n"
                + "            LOG_LEVEL: info\r\n        restart: unless-stopped\r\n    db:\r\n        image: postgres:16.4\r\n"
                + "        restart: always\r\n", after);
        assertEquals("unless-stopped", reparse(after).at("services", "api", "restart").text());
        assertFalse(after.replace("\r\n", "").contains("\n"), "stays CRLF");
    }

    @Test
    void addsNoNewPrivilegesOrAppendsToSecurityOpt() {
        String after = fix("compose/no-new-privileges", "services:\n  api:\n    image: a:1\n");
        assertEquals("services:\n  api:\n    image: a:1\n    security_opt: [no-new-privileges:true]\n", after);
        assertEquals("no-new-privileges:true", reparse(after).at("services", "api", "security_opt").asSeq().items().get(0).text());

        after = fix("compose/no-new-privileges", "services:\n  api:\n    security_opt:\n      - label:disable\n    image: a:1\n");
        assertEquals("services:\n  api:\n    security_opt:\n      - label:disable\n      - no-new-privileges:true\n    image: a:1\n", after);
        assertEquals(2, reparse(after).at("services", "api", "security_opt").asSeq().size());
        assertTrue(findings(after, "compose/no-new-privileges").isEmpty());
    }

    @Test
    void addsALoggingBlockOrCompletesTheOptions() {
        String after = fix("compose/unbounded-logging", "services:\n  api:\n    image: a:1\n  db:\n    image: b:1\n");
        assertEquals("services:\n  api:\n    image: a:1\n    logging:\n      driver: json-file\n      options:\n"
                + "        max-size: \"10m\"\n        max-file: \"3\"\n  db:\n    image: b:1\n", after);
        YNode root = reparse(after);
        assertEquals("10m", root.at("services", "api", "logging", "options", "max-size").text());
        assertEquals("3", root.at("services", "api", "logging", "options", "max-file").text());

        after = fix("compose/unbounded-logging", "services:\n  api:\n    logging:\n      driver: json-file\n    image: a:1\n");
        assertEquals("services:\n  api:\n    logging:\n      driver: json-file\n      options:\n        max-size: \"10m\"\n"
                + "        max-file: \"3\"\n    image: a:1\n", after);
        after = fix("compose/unbounded-logging", "services:\n  api:\n    logging:\n      options:\n        max-file: \"9\"\n");
        assertEquals("services:\n  api:\n    logging:\n      options:\n        max-file: \"9\"\n        max-size: \"10m\"\n", after);
        reparse(after);
    }

    @Test
    void noFixForAnAliasedService() {
        String text = "x-base: &base\n  image: a:1\nservices:\n  api: *base\n";
        Finding f = Fixtures.single(findings(text, "compose/no-restart-policy"), "compose/no-restart-policy");
        assertTrue(f.fixes().isEmpty(), "editing through the alias would change the anchor");
    }

    @Test
    void fixAllOnTheRealisticFileKeepsItValidAndLeavesOnlyManualWork() {
        SourceFile src = Fixtures.load(Fixtures.fixturesDir().resolve(Path.of("compose", "realistic", "docker-compose.yml")));
        String fixed = Fixtures.fixAll(src);
        YNode root = reparse(fixed);
        assertNull(root.at("version"));
        assertEquals("service_healthy", root.at("services", "api", "depends_on", "db", "condition").text());
        assertEquals("service_started", root.at("services", "api", "depends_on", "redis", "condition").text());
        assertEquals("service_healthy", root.at("services", "web", "depends_on", "api", "condition").text());
        assertEquals("10m", root.at("services", "db", "logging", "options", "max-size").text());
        assertEquals("unless-stopped", root.at("services", "db", "restart").text());
        assertEquals("always", root.at("services", "redis", "restart").text(), "explicit choices are kept");
        for (Finding f : Fixtures.analyze(Fixtures.source(PATH, fixed)).findings()) {
            for (Fix fix : f.fixes()) {
                assertFalse(fix.safe(), "safe fix left after fix-all: " + f);
            }
        }
    }

    private static String fix(String ruleId, String before) {
        return Fixtures.applyFix(Fixtures.source(PATH, before), ruleId, null);
    }
}
