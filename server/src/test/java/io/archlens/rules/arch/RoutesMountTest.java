package io.archlens.rules.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A route declared under a router that is mounted elsewhere serves the declared path's tail. */
class RoutesMountTest {
    private static Routes.Served route(String path, Routes.Mounts m) {
        return new Routes.Served("GET", path, null, m);
    }

    @Test
    void withoutMountsOnlyTheDeclaredPathIsServed() {
        Routes.Served r = route("/health", Routes.Mounts.NONE);
        assertTrue(Routes.at(r, "/health", Routes::matches));
        assertFalse(Routes.at(r, "/api/health", Routes::matches));
    }

    @Test
    void aComputedPrefixAllowsAnyHeadButNotAnotherTail() {
        Routes.Served r = route("/utils/health-check", new Routes.Mounts(List.of(), true));
        assertTrue(Routes.at(r, "/api/v1/utils/health-check", Routes::matches));
        assertFalse(Routes.at(r, "/api/v1/admin/status", Routes::matches));
        assertFalse(Routes.at(r, "/health-check", Routes::matches), "shorter than the route");
        assertTrue(Routes.at(route("", new Routes.Mounts(List.of(), true)), "/anything", Routes::matches),
                "a router's root route serves wherever the router is mounted, and that is not known");
        assertTrue(Routes.at(route("", new Routes.Mounts(List.of("/{organization}/cases"), false)),
                "/{org}/cases", Routes::sameShape), "the root of a router mounted at a known prefix");
        assertFalse(Routes.at(route("", new Routes.Mounts(List.of("/cases"), false)), "/users", Routes::matches));
    }

    @Test
    void knownPrefixesAloneOrNested() {
        Routes.Served r = route("/orders/{id}", new Routes.Mounts(List.of("/api", "/v2"), false));
        assertTrue(Routes.at(r, "/api/orders/7", Routes::matches));
        assertTrue(Routes.at(r, "/api/v2/orders/7", Routes::matches), "two nested mounts");
        assertFalse(Routes.at(r, "/internal/orders/7", Routes::matches), "a head no mount gives");
        assertTrue(Routes.at(r, "/api/orders/{orderId}", Routes::sameShape), "spec paths compare by shape");
    }

    @Test
    void operatorAndToolPathsNeedNoSpec() {
        for (String p : new String[] {"/healthz", "/health", "/health/live", "/metrics", "/swagger/*", "/swagger-ui/index.html",
                "/docs", "/openapi.json", "/v3/api-docs", "/debug/pprof/heap", "/readyz", "/favicon.ico"}) {
            assertTrue(RouteNotDocumented.infrastructure(p), p);
        }
        for (String p : new String[] {"/orders", "/api/health-records", "/users/{id}/docs", "/pingpong", "/metricsx"}) {
            assertFalse(RouteNotDocumented.infrastructure(p), p);
        }
    }

    @Test
    void aRouteOfUnknownPathServesAnyPathTheRootToo() {
        assertTrue(Routes.sameShape("/api/echo", "/**"));
        assertTrue(Routes.sameShape("", "/**"), "the root");
        assertTrue(Routes.matches("/status/200", "/**"));
        assertFalse(Routes.sameShape("/api/echo", "/api"), "a shorter path is another path");
    }
}
