package io.archlens.rules.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringConfigParser;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quick fixes of the Spring rules: before -> after, and YAML results re-parsed and checked for structure. */
class SpringFixesTest {
    private static final String YML = "src/main/resources/application.yml";
    private static final String PROPS = "src/main/resources/application.properties";

    /** Re-parses a fixed YAML text: no syntax issues, and returns the model. */
    private static SpringConfig reparse(String yaml) {
        Parsed<SpringConfig> p = SpringConfigParser.parseYaml(SourceFile.of(YML, yaml, FileKind.SPRING_YAML));
        assertTrue(p.issues().isEmpty(), "fixed YAML has issues: " + p.issues() + "\n" + yaml);
        return p.model();
    }

    private static String value(SpringConfig c, int doc, String canonical) {
        SpringProperty p = c.documents().get(doc).get(canonical);
        assertNotNull(p, canonical + " missing");
        return p.value();
    }

    private static Fix fixOf(String path, String text, String ruleId) {
        Finding f = Fixtures.single(Fixtures.analyze(Fixtures.source(path, text)).findings(), ruleId);
        assertFalse(f.fixes().isEmpty(), "no fix for " + ruleId);
        return f.fixes().get(0);
    }

    @Test
    void exposureWildcardBecomesHealthInfoInEverySpelling() {
        String before = "management:\n  endpoints:\n    web:\n      exposure:\n        include: \"*\"\nserver:\n"
                + "  shutdown: graceful\n";
        String after = "management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info\nserver:\n"
                + "  shutdown: graceful\n";
        Fixtures.checkFix(YML, before, "spring/actuator-exposes-all", after);
        assertEquals("health,info", value(reparse(after), 0, "management.endpoints.web.exposure.include"));
        assertTrue(fixOf(YML, before, "spring/actuator-exposes-all").safe());

        String block = "management.endpoints.web.exposure.include:\n    - '*'\n";
        String blockAfter = "management.endpoints.web.exposure.include:\n    - health\n    - info\n";
        Fixtures.checkFix(YML, block, "spring/actuator-exposes-all", blockAfter);
        SpringDocument d = reparse(blockAfter).documents().get(0);
        assertEquals(List.of("health", "info"), d.list("management.endpoints.web.exposure.include", blockAfter)
                .stream().map(SpringDocument.Item::value).toList());

        String flow = "management:\n  endpoints: {web: {exposure: {include: [\"*\"]}}}\n";
        String flowAfter = "management:\n  endpoints: {web: {exposure: {include: [health, info]}}}\n";
        Fixtures.checkFix(YML, flow, "spring/actuator-exposes-all", flowAfter);
        assertEquals("info", value(reparse(flowAfter), 0, "management.endpoints.web.exposure.include[1]"));

        Fixtures.checkFix(PROPS, "management.endpoints.web.exposure.include=*\n", "spring/actuator-exposes-all",
                "management.endpoints.web.exposure.include=health,info\n");
    }

    @Test
    void literalSecretBecomesAnEnvironmentPlaceholder() {
        String before = "spring:\n  datasource:\n    password: \"s3cret\" # prod\n";
        String after = "spring:\n  datasource:\n    password: ${SPRING_DATASOURCE_PASSWORD} # prod\n";
        Fixtures.checkFix(YML, before, "spring/literal-secret", after);
        assertEquals("${SPRING_DATASOURCE_PASSWORD}", value(reparse(after), 0, "spring.datasource.password"));
        assertFalse(fixOf(YML, before, "spring/literal-secret").safe());
        for (Finding f : Fixtures.analyze(Fixtures.source(YML, before)).findings()) {
            assertFalse(f.message().contains("s3cret"), "the secret must never be printed: " + f.message());
        }

        String flow = "app: {payments: {api-key: sk_live_1}}\n";
        String flowAfter = "app: {payments: {api-key: \"${APP_PAYMENTS_API_KEY}\"}}\n";
        Fixtures.checkFix(YML, flow, "spring/literal-secret", flowAfter);
        assertEquals("${APP_PAYMENTS_API_KEY}", value(reparse(flowAfter), 0, "app.payments.apikey"));

        Fixtures.checkFix(PROPS, "spring.datasource.password = hunter2\n", "spring/literal-secret",
                "spring.datasource.password = ${SPRING_DATASOURCE_PASSWORD}\n");
        Fixtures.checkFix(PROPS, "app.jwt.secret=${JWT_SECRET:dev-key}\n", "spring/literal-secret",
                "app.jwt.secret=${JWT_SECRET}\n");
    }

    @Test
    void valueReplacements() {
        Fixtures.checkFix(YML, "spring:\n  jpa:\n    open-in-view: false\n    hibernate:\n      ddl-auto: update\n",
                "spring/ddl-auto-outside-dev",
                "spring:\n  jpa:\n    open-in-view: false\n    hibernate:\n      ddl-auto: validate\n");
        Fixtures.checkFix(PROPS, "spring.jpa.open-in-view=true\n", "spring/open-in-view",
                "spring.jpa.open-in-view=false\n");
        Fixtures.checkFix(YML, "management.endpoint.health.show-details: always\n", "spring/health-details-always",
                "management.endpoint.health.show-details: when-authorized\n");
        assertTrue(fixOf(YML, "management.endpoint.health.show-details: always\n", "spring/health-details-always")
                .safe());
        Fixtures.checkFix(PROPS, "server.port=8080\nserver.shutdown=immediate\n", "spring/no-graceful-shutdown",
                "server.port=8080\nserver.shutdown=graceful\n");
    }

    @Test
    void missingOpenInViewIsNestedIntoTheExistingJpaMapping() {
        String before = "spring:\n    datasource:\n        url: jdbc:postgresql://db/shop\n    jpa:\n        hibernate:\n"
                + "            ddl-auto: validate\n        show-sql: false\nserver:\n    shutdown: graceful\n";
        String after = "spring:\n    datasource:\n        url: jdbc:postgresql://db/shop\n    jpa:\n        hibernate:\n"
                + "            ddl-auto: validate\n        show-sql: false\n        open-in-view: false\nserver:\n"
                + "    shutdown: graceful\n";
        Fixtures.checkFix(YML, before, "spring/open-in-view", after);
        SpringConfig c = reparse(after);
        assertEquals("false", value(c, 0, "spring.jpa.openinview"));
        assertEquals("validate", value(c, 0, "spring.jpa.hibernate.ddlauto"));
        assertEquals("graceful", value(c, 0, "server.shutdown"));
    }

    @Test
    void gracefulShutdownIsAddedInTheFilesOwnSyntax() {
        String yaml = "server:\n  port: 8080\n  compression:\n    enabled: true\nspring:\n  application:\n    name: api\n";
        String yamlAfter = "server:\n  port: 8080\n  compression:\n    enabled: true\n  shutdown: graceful\nspring:\n"
                + "  application:\n    name: api\n";
        Fixtures.checkFix(YML, yaml, "spring/no-graceful-shutdown", yamlAfter);
        assertEquals("graceful", value(reparse(yamlAfter), 0, "server.shutdown"));
        assertTrue(fixOf(YML, yaml, "spring/no-graceful-shutdown").safe());

        // dotted keys at the root: a new nested mapping is added after the root's last line
        String dotted = "server.port: 8080\nspring.application.name: api\n";
        String dottedAfter = "server.port: 8080\nspring.application.name: api\nserver:\n  shutdown: graceful\n";
        Fixtures.checkFix(YML, dotted, "spring/no-graceful-shutdown", dottedAfter);
        SpringConfig dc = reparse(dottedAfter);
        assertEquals("8080", value(dc, 0, "server.port"));
        assertEquals("graceful", value(dc, 0, "server.shutdown"));

        // multi-document: the key goes into the default document, before the '---'
        String multi = "server:\n  port: 8080\n---\nspring.config.activate.on-profile: prod\nserver.port: 80\n";
        String multiAfter = "server:\n  port: 8080\n  shutdown: graceful\n---\nspring.config.activate.on-profile: prod\n"
                + "server.port: 80\n";
        Fixtures.checkFix(YML, multi, "spring/no-graceful-shutdown", multiAfter);
        SpringConfig mc = reparse(multiAfter);
        assertEquals(2, mc.documents().size());
        assertEquals("graceful", value(mc, 0, "server.shutdown"));

        // properties: next to the other server.* keys, with the file's separator and CRLF line breaks
        String props = "spring.application.name = api\r\nserver.port = 8080\r\nserver.compression.enabled = true\r\n"
                + "logging.level.root = INFO\r\n";
        String propsAfter = "spring.application.name = api\r\nserver.port = 8080\r\nserver.compression.enabled = true\r\n"
                + "server.shutdown = graceful\r\nlogging.level.root = INFO\r\n";
        Fixtures.checkFix(PROPS, props, "spring/no-graceful-shutdown", propsAfter);

        // no trailing newline
        Fixtures.checkFix(PROPS, "server.port=8080", "spring/no-graceful-shutdown",
                "server.port=8080\nserver.shutdown=graceful");
    }

    @Test
    void sessionCookieSecureIsNestedWithIntermediateKeys() {
        String before = "server:\n  shutdown: graceful\n  servlet:\n    session:\n      timeout: 30m\n";
        String after = "server:\n  shutdown: graceful\n  servlet:\n    session:\n      timeout: 30m\n      cookie:\n"
                + "        secure: true\n";
        Fixtures.checkFix(YML, before, "spring/insecure-session-cookie", after);
        assertEquals("true", value(reparse(after), 0, "server.servlet.session.cookie.secure"));
    }

    @Test
    void fixAllAppliesOnlySafeFixesAndKeepsValidYaml() {
        String before = "server:\n  port: 8080\nmanagement:\n  endpoints:\n    web:\n      exposure:\n"
                + "        include: \"*\"\n  endpoint:\n    health:\n      show-details: always\nspring:\n  datasource:\n"
                + "    password: hunter2\n";
        String after = Fixtures.fixAll(Fixtures.source(YML, before));
        SpringConfig c = reparse(after);
        assertEquals("graceful", value(c, 0, "server.shutdown"));
        assertEquals("health,info", value(c, 0, "management.endpoints.web.exposure.include"));
        assertEquals("when-authorized", value(c, 0, "management.endpoint.health.showdetails"));
        assertEquals("hunter2", value(c, 0, "spring.datasource.password"), "unsafe fixes are not applied by fix-all");
    }

    @Test
    void fixAllOnTheRealisticFixtureReparses() {
        SourceFile f = Fixtures.load(Fixtures.fixturesDir().resolve(
                "spring-yaml/realistic/src/main/resources/application.yml"));
        SpringConfig c = reparse(Fixtures.fixAll(f));
        assertEquals(3, c.documents().size());
    }
}
