package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Test inputs feed no facts to the cross-file model: they are not the system the repository deploys. */
class TestDataPathsTest {
    @Test
    void testDataFoldersAndTestSourceSets() {
        for (String p : new String[] {"pkg/provider/kubernetes/ingress/fixtures/tls.yml", "testdata/compose.yml",
                "app/__fixtures__/deploy.yaml", "kitchen/src/test/resources/application.properties",
                "src/test/resources/docker-compose.yml"}) {
            assertTrue(SystemIndex.testFixture(p), p);
        }
        for (String p : new String[] {"deploy/k8s/api.yaml", "src/main/resources/application.properties",
                "tests-infra/compose.yml", "fixturesapp/x.yml", null}) {
            assertFalse(SystemIndex.testFixture(p), String.valueOf(p));
        }
    }
}
