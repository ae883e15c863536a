package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Severity;
import io.archlens.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cross-file error rests on values read on both sides; a value inferred on one side (an image's usual port)
 * gives a warning that states the assumption; pods made by something the project does not describe give nothing.
 */
class FactsNotGuessesTest {
    @TempDir
    Path dir;

    private List<Finding> arch(String path) {
        Map<String, List<Finding>> all = Workspaces.check(dir, Settings.DEFAULTS);
        List<Finding> out = new ArrayList<>();
        for (Finding f : all.getOrDefault(path, List.of())) {
            if (f.ruleId().startsWith("arch/")) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void commandOptionsThatBindAPortAreRead() {
        assertEquals(8000, CommandPorts.of("gunicorn -b :8000 app:app").port());
        assertEquals(8000, CommandPorts.of("gunicorn --bind 0.0.0.0:8000 app.wsgi").port());
        assertEquals(8000, CommandPorts.of("gunicorn --bind=0.0.0.0:8000 app.wsgi").port());
        assertEquals(8001, CommandPorts.of("uvicorn main:app --host 0.0.0.0 --port 8001").port());
        assertEquals(8002, CommandPorts.of("uvicorn main:app --port=8002").port());
        assertEquals(8003, CommandPorts.of("http-server -p 8003").port());
        assertEquals(5678, CommandPorts.of("-listen=:5678 -text=hello").port());
        assertEquals(8081, CommandPorts.of("java -Dserver.port=8081 -jar /app.jar").port());
        assertNull(CommandPorts.of("npm start"));
        assertNull(CommandPorts.of("redis-server --appendonly yes"));
        assertNull(CommandPorts.of(""));
    }

    @Test
    void jobPodsCarryTheirJobsNameAndCustomScaleTargetsAreNotMissing() {
        Workspaces.write(dir, "k8s/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: trainer\nspec:\n"
                + "  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: t\n"
                + "          image: example/trainer:1.0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: trainer\n"
                + "spec:\n  clusterIP: None\n  selector:\n    job-name: trainer\n  ports:\n    - port: 8471\n");
        Workspaces.write(dir, "k8s/hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
                + "  name: lws\nspec:\n  scaleTargetRef:\n    apiVersion: leaderworkerset.x-k8s.io/v1\n"
                + "    kind: LeaderWorkerSet\n    name: vllm\n  minReplicas: 1\n  maxReplicas: 2\n");
        List<Finding> fs = new ArrayList<>(arch("k8s/job.yaml"));
        fs.addAll(arch("k8s/hpa.yaml"));
        assertTrue(fs.stream().noneMatch(f -> f.ruleId().equals("arch/service-selects-nothing")
                || f.ruleId().equals("arch/hpa-target-missing")), fs.toString());
    }

    @Test
    void anEnvFileWithACommittedSampleIsTheConventionNotABrokenReference() {
        Workspaces.write(dir, "docker-compose.yml", "services:\n  web:\n    image: example/web:1.0\n    env_file:\n"
                + "      - ./.env.prod\n  worker:\n    image: example/worker:1.0\n    env_file: ./.env.worker\n");
        Workspaces.write(dir, ".env.prod-sample", "SECRET_KEY=\n");
        List<Finding> fs = arch("docker-compose.yml");
        assertEquals(1, fs.stream().filter(f -> f.ruleId().equals("arch/env-file-missing")).count(), fs.toString());
        assertTrue(fs.stream().anyMatch(f -> f.message().contains(".env.worker")), "the one without a sample");
    }

    @Test
    void debuggerPortsOfTheCommand() {
        assertEquals(java.util.List.of(9229), CommandPorts.debugger("nodemon --inspect=0.0.0.0 server.js").stream()
                .map(CommandPorts.Bind::port).toList());
        assertEquals(java.util.List.of(9230), CommandPorts.debugger("node --inspect-brk=0.0.0.0:9230 app.js").stream()
                .map(CommandPorts.Bind::port).toList());
        assertEquals(java.util.List.of(5005), CommandPorts.debugger(
                "java -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005 -jar app.jar").stream()
                .map(CommandPorts.Bind::port).toList());
        assertEquals(java.util.List.of(5678), CommandPorts.debugger("python -m debugpy --listen 0.0.0.0:5678 app.py")
                .stream().map(CommandPorts.Bind::port).toList());
        assertTrue(CommandPorts.debugger("node server.js").isEmpty());
        // a long command line: no recursion per word, and messages quote a short option
        List<CommandPorts.Bind> longOne = CommandPorts.debugger("python -m debugpy " + "--flag ".repeat(200_000)
                + "--listen 5678 app.py");
        assertEquals(java.util.List.of(5678), longOne.stream().map(CommandPorts.Bind::port).toList());
        assertTrue(CommandPorts.debugger("node --inspect=" + "a".repeat(100_000)).get(0).option().length() <= 80);
    }

    @Test
    void everyTraefikEntryPointIsAPort() {
        assertEquals(java.util.List.of(443, 80, 8080), CommandPorts.all("--api.insecure=true --providers.docker=true "
                + "--entryPoints.websecure.address=:443 --entrypoints.web.address=0.0.0.0:80/tcp").stream()
                .map(CommandPorts.Bind::port).toList());
        assertEquals(java.util.List.of(8000), CommandPorts.all("gunicorn -b :8000 app:app").stream()
                .map(CommandPorts.Bind::port).toList(), "other commands: the one bind");
        assertTrue(CommandPorts.all("npm start").isEmpty());
    }

    private void nginxInFrontOf(String port) {
        Workspaces.write(dir, "docker-compose.yml", """
                services:
                  web:
                    image: nginx:1.27
                    volumes:
                      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro
                  app:
                    build: ./app
                    command: gunicorn -b :8000 blog.wsgi
                """);
        Workspaces.write(dir, "app/Dockerfile", "FROM python:3.12-slim\nCMD [\"gunicorn\", \"blog.wsgi\"]\n");
        Workspaces.write(dir, "nginx.conf", "server {\n  listen 80;\n  location / {\n    proxy_pass http://app:"
                + port + ";\n  }\n}\n");
    }

    @Test
    void aCommandThatBindsThePortIsTheTruthForProxies() {
        nginxInFrontOf("8000");
        assertEquals(List.of(), arch("nginx.conf"));
        nginxInFrontOf("5000");
        List<Finding> fs = arch("nginx.conf");
        assertEquals(1, fs.size(), fs.toString());
        assertEquals("arch/upstream-port-mismatch", fs.get(0).ruleId());
        assertEquals(Severity.ERROR, fs.get(0).severity()); // both sides read: nginx's 5000, the command's 8000
        assertTrue(fs.get(0).message().contains("8000"), fs.get(0).message());
    }

    @Test
    void redisSentinelListensOn26379NotOnRedisPort() {
        Workspaces.write(dir, "docker-compose.yml", """
                services:
                  sentinel:
                    image: redis:7.2
                    command: redis-sentinel /etc/redis/sentinel.conf
                    ports:
                      - "26379:26379"
                  packaged:
                    image: bitnami/redis-sentinel:7.2
                    expose:
                      - "26379"
                """);
        assertEquals(List.of(), arch("docker-compose.yml"));
    }

    @Test
    void aPortKnownOnlyFromTheImageNameGivesAWarningThatSaysSo() {
        Workspaces.write(dir, "docker-compose.yml", """
                services:
                  cache:
                    image: redis:7.2
                    ports:
                      - "6380:6380"
                """);
        List<Finding> fs = arch("docker-compose.yml");
        assertEquals(1, fs.size(), fs.toString());
        assertEquals("arch/port-mismatch", fs.get(0).ruleId());
        assertEquals(Severity.WARNING, fs.get(0).severity());
        assertTrue(fs.get(0).message().contains("assumed: 6379 (the usual port of redis)"), fs.get(0).message());
    }

    @Test
    void rabbitmqManagementImagesAlsoListenOnTheManagementPort() {
        Workspaces.write(dir, "docker-compose.yml", """
                services:
                  broker:
                    image: rabbitmq:3-management
                    ports:
                      - "5672:5672"
                      - "15672:15672"
                  plain:
                    image: rabbitmq:3
                    ports:
                      - "15672:15672"
                """);
        List<Finding> fs = arch("docker-compose.yml");
        assertEquals(1, fs.size(), fs.toString()); // only the plain image's 15672, as a warning
        assertEquals(Severity.WARNING, fs.get(0).severity());
        assertTrue(fs.get(0).message().contains("plain"), fs.get(0).message());
    }

    @Test
    void springBootsDefaultPortIsAnAssumptionNotAFact() {
        // no file here sets server.port: the Spring Boot default is an assumption
        Workspaces.write(dir, "docker-compose.yml", "services:\n  account:\n    build: ./account\n    ports:\n"
                + "      - \"6000:6000\"\n");
        Workspaces.write(dir, "account/Dockerfile", "FROM eclipse-temurin:21-jre\nEXPOSE 6000\nUSER 10001\n"
                + "CMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        Workspaces.write(dir, "account/src/main/resources/application.yml", "spring:\n  application:\n    name: account\n");
        List<Finding> fs = new ArrayList<>(arch("docker-compose.yml"));
        fs.addAll(arch("account/Dockerfile"));
        assertTrue(fs.stream().anyMatch(f -> f.ruleId().equals("arch/port-mismatch")), fs.toString());
        for (Finding f : fs) {
            if (f.ruleId().equals("arch/port-mismatch")) {
                assertEquals(Severity.WARNING, f.severity(), f.message());
                assertTrue(f.message().contains("assumed: 8080 (Spring Boot default)"), f.message());
            }
        }
        // a Spring Cloud Config client takes server.port from the config server: the default is no guess worth making
        Workspaces.write(dir, "account/src/main/resources/bootstrap.yml",
                "spring:\n  application:\n    name: account\n  cloud:\n    config:\n      uri: http://config:8888\n");
        List<Finding> configured = new ArrayList<>(arch("docker-compose.yml"));
        configured.addAll(arch("account/Dockerfile"));
        assertTrue(configured.stream().noneMatch(f -> f.ruleId().equals("arch/port-mismatch")), configured.toString());
        // once a file says so, both sides are facts: an error
        Workspaces.write(dir, "account/src/main/resources/application.yml", "server:\n  port: 8081\n");
        List<Finding> facts = arch("docker-compose.yml");
        assertTrue(facts.stream().anyMatch(f -> f.ruleId().equals("arch/port-mismatch")
                && f.severity() == Severity.ERROR), facts.toString());
    }

    private static final String API = Workspaces.deployment("api", "example/api:1.0.0",
            "ports:\n  - containerPort: 8080\n") + "---\n";

    private static String service(String name, String selector) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\nspec:\n  selector: {" + selector
                + "}\n  ports:\n    - port: 5432\n";
    }

    @Test
    void aServiceForPodsAnOperatorCreatesIsNoError() {
        Workspaces.write(dir, "k8s/app.yaml", API + service("db", "postgres-operator.crunchydata.com/cluster: hippo"));
        assertEquals(List.of(), arch("k8s/app.yaml"));
        Workspaces.write(dir, "k8s/app.yaml", API + service("cache", "app.kubernetes.io/instance: cache"));
        assertEquals(List.of(), arch("k8s/app.yaml"));
    }

    @Test
    void aServiceInAProjectWithCustomResourcesIsNoError() {
        Workspaces.write(dir, "k8s/app.yaml", API + service("db", "app: db"));
        List<Finding> before = arch("k8s/app.yaml");
        assertEquals(List.of("arch/service-selects-nothing"), Workspaces.ids(before, "arch/"));
        assertEquals(Severity.ERROR, before.get(0).severity()); // both sides read, nothing else could make the pods
        Workspaces.write(dir, "k8s/db.yaml", """
                apiVersion: acid.zalan.do/v1
                kind: postgresql
                metadata:
                  name: db
                spec:
                  numberOfInstances: 2
                """);
        assertEquals(List.of(), arch("k8s/app.yaml"));
    }
}
