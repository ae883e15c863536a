package io.archlens.syntax.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelaxedNamesTest {
    @Test
    void kebabCamelUnderscoreAndUpperCaseAreTheSameKey() {
        String c = RelaxedNames.canonical("spring.jpa.open-in-view");
        assertEquals("spring.jpa.openinview", c);
        for (String k : List.of("spring.jpa.openInView", "spring.jpa.open_in_view", "SPRING.JPA.OPEN-IN-VIEW",
                "Spring.Jpa.OpenInView", "spring.jpa.OPEN_IN_VIEW")) {
            assertEquals(c, RelaxedNames.canonical(k), k);
            assertTrue(RelaxedNames.same(k, "spring.jpa.open-in-view"));
        }
        assertFalse(RelaxedNames.same("spring.jpa.show-sql", "spring.jpa.showsqls"));
    }

    @Test
    void anUnclosedBracketAtTheEndDoesNotThrow() {
        assertEquals("server.enabled.[]", RelaxedNames.canonical("server.enabled["));
        assertEquals("a.[b]", RelaxedNames.canonical("a[b"));
    }

    @Test
    void indicesStayAndMapKeysInBracketsAreVerbatim() {
        assertEquals("a.b[0].c", RelaxedNames.canonical("a.b[0].c"));
        assertEquals("a.b[0].c", RelaxedNames.canonical("a.B[ 0 ].C"));
        assertEquals("logging.level.[Com.Example]", RelaxedNames.canonical("logging.level[Com.Example]"));
        assertEquals("b", RelaxedNames.lastSegment("a.b[0]"));
        assertEquals("c", RelaxedNames.lastSegment("a.b[0].c"));
        assertEquals("a.b.c", RelaxedNames.withoutIndices("a.b[10].c"));
    }

    @Test
    void prefixes() {
        assertEquals(List.of("a", "a.b", "a.b[0]", "a.b[0].c"), RelaxedNames.prefixes("a.b[0].c"));
    }

    @Test
    void environmentVariableNames() {
        assertEquals("SPRING_DATASOURCE_PASSWORD", RelaxedNames.envName("spring.datasource.password"));
        assertEquals("APP_CLIENT_SECRET", RelaxedNames.envName("app.clientSecret"));
        assertEquals("APP_API_KEY", RelaxedNames.envName("app.api-key"));
        assertEquals("A_B_0_C", RelaxedNames.envName("a.b[0].c"));
    }

    @Test
    void profileExpressions() {
        assertTrue(Profiles.devOnly("dev"));
        assertTrue(Profiles.devOnly("dev | local"));
        assertTrue(Profiles.devOnly("dev & eu"));
        assertTrue(Profiles.devOnly("local-docker"));
        assertFalse(Profiles.devOnly("dev | prod"));
        assertFalse(Profiles.devOnly("!prod"));
        assertFalse(Profiles.devOnly("prod"));
        assertFalse(Profiles.devOnly("devops"));
        assertFalse(Profiles.devOnly(null));
        assertEquals("prod", Profiles.fromFileName("application-prod.yml"));
        assertEquals("eu-west", Profiles.fromFileName("bootstrap-eu-west.yaml"));
        assertEquals(null, Profiles.fromFileName("application.yml"));
    }
}
