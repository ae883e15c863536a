package io.archlens.filekind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Compose and Kubernetes detection: by name, then by content. */
class YamlKindDetectionTest {
    @Test
    void composeByName() {
        for (String name : new String[] {"docker-compose.yml", "docker-compose.yaml", "compose.yaml", "compose.yml",
                "docker-compose.prod.yml", "docker-compose.override.yaml", "compose-dev.yml", "deploy/docker-compose.ci.yml"}) {
            assertEquals(FileKind.COMPOSE, FileKindDetector.detect(name, ""), name);
        }
    }

    @Test
    void composeByContentOnlyWithAServicesMapping() {
        assertEquals(FileKind.COMPOSE, FileKindDetector.detect("stack.yml", "services:\n  web:\n    image: nginx\n"));
        assertEquals(FileKind.COMPOSE, FileKindDetector.detect("stack.yml", "# dev\nservices:   # all of them\n\n  # front\n  web:\n    image: x\n"));
        assertEquals(FileKind.COMPOSE, FileKindDetector.detect("stack.yml", "services:\r\n  web:\r\n    image: x\r\n"));
        assertEquals(FileKind.COMPOSE, FileKindDetector.detect("stack.yml", "services: {web: {image: x}}\n"));
        // a GitLab CI file has a root 'services:' list: not Compose
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("ci/gitlab.yml", "services:\n  - postgres:16\nstages: [test]\n"));
        // a Kubernetes object with a 'services' key stays Kubernetes
        assertEquals(FileKind.KUBERNETES, FileKindDetector.detect("x.yaml", "apiVersion: v1\nkind: ConfigMap\nservices:\n  a: b\n"));
    }

    @Test
    void kubernetesByContentYamlOrJson() {
        assertEquals(FileKind.KUBERNETES, FileKindDetector.detect("k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\n"));
        assertEquals(FileKind.KUBERNETES, FileKindDetector.detect("k8s/multi.yaml", "---\napiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n"));
        assertEquals(FileKind.KUBERNETES, FileKindDetector.detect("pod.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\"\n}\n"));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n"));
    }
}
