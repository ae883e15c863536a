package io.archlens.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.DockerfileParser;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.KeyValue;
import io.archlens.syntax.dockerfile.Word;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quick fixes: before and after, the result re-parsed, safe/unsafe as documented. */
class DockerfileFixesTest {
    private static final String TAIL = "USER 10001\n";

    static Dockerfile parse(String text) {
        return new DockerfileParser().parse(SourceFile.of("Dockerfile", text, FileKind.DOCKERFILE)).model();
    }

    static Fix fix(String text, String rule) {
        for (Finding f : Fixtures.analyze(Fixtures.source("Dockerfile", text)).findings()) {
            if (f.ruleId().equals(rule) && !f.fixes().isEmpty()) {
                return f.fixes().get(0);
            }
        }
        return null;
    }

    static List<String> rules(String text) {
        return Fixtures.analyze(Fixtures.source("Dockerfile", text)).findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void copyForAdd() {
        Fixtures.checkFix("Dockerfile", "FROM alpine:3.22\nADD app.py /app/\n" + TAIL, "docker/add-instead-of-copy",
                "FROM alpine:3.22\nCOPY app.py /app/\n" + TAIL);
        Fixtures.checkFix("Dockerfile", "FROM alpine:3.22\nadd --chown=app:app src/ /app/\n" + TAIL,
                "docker/add-instead-of-copy", "FROM alpine:3.22\ncopy --chown=app:app src/ /app/\n" + TAIL);
        assertTrue(fix("FROM alpine:3.22\nADD app.py /app/\n" + TAIL, "docker/add-instead-of-copy").safe());
    }

    @Test
    void fixesApplyInsideOnbuildTriggers() {
        Fixtures.checkFix("Dockerfile", "FROM alpine:3.22\nONBUILD ADD app.py /app/\n" + TAIL, "docker/add-instead-of-copy",
                "FROM alpine:3.22\nONBUILD COPY app.py /app/\n" + TAIL);
        Fixtures.checkFix("Dockerfile", "FROM debian:bookworm-slim\nONBUILD RUN apt-get install -y curl\n" + TAIL,
                "docker/apt-no-install-recommends",
                "FROM debian:bookworm-slim\nONBUILD RUN apt-get install --no-install-recommends -y curl\n" + TAIL);
    }

    @Test
    void noInstallRecommends() {
        String before = "FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y curl \\\n"
                + "    && rm -rf /var/lib/apt/lists/*\n" + TAIL;
        String after = "FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y curl \\\n"
                + "    && rm -rf /var/lib/apt/lists/*\n" + TAIL;
        Fixtures.checkFix("Dockerfile", before, "docker/apt-no-install-recommends", after);
        assertTrue(fix(before, "docker/apt-no-install-recommends").safe());
        assertFalse(rules(after).contains("docker/apt-no-install-recommends"));
    }

    @Test
    void assumeYes() {
        String before = "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=8.0 "
                + "&& rm -rf /var/lib/apt/lists/*\n" + TAIL;
        String after = before.replace("apt-get install --no", "apt-get install -y --no");
        Fixtures.checkFix("Dockerfile", before, "docker/install-without-yes", after);
        assertTrue(rules(after).isEmpty(), rules(after).toString());
    }

    @Test
    void apkNoCache() {
        Fixtures.checkFix("Dockerfile", "FROM alpine:3.22\nRUN apk add curl\n" + TAIL, "docker/apk-no-cache",
                "FROM alpine:3.22\nRUN apk add --no-cache curl\n" + TAIL);
    }

    @Test
    void pipNoCacheDir() {
        Fixtures.checkFix("Dockerfile", "FROM python:3.12-slim\nRUN python3 -m pip install -r req.txt\n" + TAIL,
                "docker/pip-no-cache-dir", "FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir -r req.txt\n" + TAIL);
    }

    @Test
    void npmCiIsUnsafe() {
        String before = "FROM node:22-slim\nRUN npm install --omit=dev\nUSER node\n";
        Fixtures.checkFix("Dockerfile", before, "docker/npm-install", "FROM node:22-slim\nRUN npm ci --omit=dev\nUSER node\n");
        Fix f = fix(before, "docker/npm-install");
        assertFalse(f.safe());
        assertTrue(f.title().contains("package-lock.json"));
    }

    @Test
    void npmShortAlias() {
        Fixtures.checkFix("Dockerfile", "FROM node:22-slim\nRUN npm i\nUSER node\n", "docker/npm-install",
                "FROM node:22-slim\nRUN npm ci\nUSER node\n");
    }

    @Test
    void absoluteWorkdirIsUnsafe() {
        Fixtures.checkFix("Dockerfile", "FROM node:22-slim\nWORKDIR app\nUSER node\n", "docker/relative-workdir",
                "FROM node:22-slim\nWORKDIR /app\nUSER node\n");
        Fixtures.checkFix("Dockerfile", "FROM node:22-slim\nWORKDIR \"my app\"\nUSER node\n", "docker/relative-workdir",
                "FROM node:22-slim\nWORKDIR \"/my app\"\nUSER node\n");
        assertFalse(fix("FROM node:22-slim\nWORKDIR app\nUSER node\n", "docker/relative-workdir").safe());
    }

    @Test
    void labelForMaintainer() {
        String before = "FROM alpine:3.22\nMAINTAINER Jane \"JD\" Doe <jane@example.com> $HOME\n" + TAIL;
        String after = Fixtures.applyFix(Fixtures.source("Dockerfile", before), "docker/maintainer-deprecated", null);
        assertEquals("FROM alpine:3.22\nLABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" Doe <jane@example.com> "
                + "\\$HOME\"\n" + TAIL, after);
        KeyValue kv = parse(after).instructions().get(1).keyValues().get(0);
        assertEquals("org.opencontainers.image.authors", kv.key());
        assertEquals("Jane \"JD\" Doe <jane@example.com> $HOME", kv.value());
        assertTrue(fix(before, "docker/maintainer-deprecated").safe());
        assertFalse(rules(after).contains("docker/maintainer-deprecated"));
    }

    @Test
    void labelForMaintainerWithBacktickEscape() {
        String before = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER \"Ops\"\n";
        String after = Fixtures.applyFix(Fixtures.source("Dockerfile", before), "docker/maintainer-deprecated", null);
        assertEquals("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "LABEL org.opencontainers.image.authors=\"`\"Ops`\"\"\n", after);
        assertEquals("\"Ops\"", parse(after).instructions().get(1).keyValues().get(0).value());
    }

    @Test
    void maintainerSpanningLinesIsReplacedWhole() {
        String before = "FROM alpine:3.22\nMAINTAINER Jane \\\n  Doe\n" + TAIL;
        String after = Fixtures.applyFix(Fixtures.source("Dockerfile", before), "docker/maintainer-deprecated", null);
        assertEquals("FROM alpine:3.22\nLABEL org.opencontainers.image.authors=\"Jane   Doe\"\n" + TAIL, after);
    }

    @Test
    void execFormForPlainCommand() {
        String before = "FROM node:22-slim\nUSER node\nCMD node server.js --port 8080\n";
        String after = Fixtures.applyFix(Fixtures.source("Dockerfile", before), "docker/shell-form-cmd", null);
        assertEquals("FROM node:22-slim\nUSER node\nCMD [\"node\", \"server.js\", \"--port\", \"8080\"]\n", after);
        Instruction cmd = parse(after).instructions().get(2);
        assertTrue(cmd.isExecForm());
        assertEquals(List.of("node", "server.js", "--port", "8080"), cmd.execArgs().stream().map(Word::text).toList());
        assertFalse(fix(before, "docker/shell-form-cmd").safe());
        assertFalse(rules(after).contains("docker/shell-form-cmd"));
    }

    @Test
    void execFormKeepsExpansionThroughShExec() {
        String before = "FROM eclipse-temurin:21-jre\nUSER 10001\nENTRYPOINT java $JAVA_OPTS -Dname=\"a b\" -jar \\\n  /app/app.jar\n";
        String after = Fixtures.applyFix(Fixtures.source("Dockerfile", before), "docker/shell-form-cmd", null);
        assertEquals("FROM eclipse-temurin:21-jre\nUSER 10001\nENTRYPOINT [\"/bin/sh\", \"-c\", "
                + "\"exec java $JAVA_OPTS -Dname=\\\"a b\\\" -jar   /app/app.jar\"]\n", after);
        Instruction e = parse(after).instructions().get(2);
        assertTrue(e.isExecForm());
        assertEquals("exec java $JAVA_OPTS -Dname=\"a b\" -jar   /app/app.jar", e.execArgs().get(2).text());
    }

    @Test
    void execFormBackslashesAreEscaped() {
        String before = "FROM alpine:3.22\nUSER 10001\nCMD printf 'a\\tb'\n";
        String after = Fixtures.applyFix(Fixtures.source("Dockerfile", before), "docker/shell-form-cmd", null);
        Instruction cmd = parse(after).instructions().get(2);
        assertTrue(cmd.isExecForm(), after);
        assertEquals("exec printf 'a\\tb'", cmd.execArgs().get(2).text());
    }

    @Test
    void noExecFormFixForCompoundCommands() {
        String text = "FROM python:3.12-slim\nUSER 10001\nCMD python manage.py migrate && gunicorn app.wsgi\n";
        assertTrue(rules(text).contains("docker/shell-form-cmd"));
        assertEquals(null, fix(text, "docker/shell-form-cmd"));
    }

    @Test
    void invalidExecFormRewritten() {
        String before = "FROM node:22-slim\nUSER node\nCMD ['node', 'say \"hi\".js',]\n";
        String after = Fixtures.applyFix(Fixtures.source("Dockerfile", before), "docker/invalid-exec-form", null);
        assertEquals("FROM node:22-slim\nUSER node\nCMD [\"node\", \"say \\\"hi\\\".js\"]\n", after);
        assertEquals(List.of("node", "say \"hi\".js"), parse(after).instructions().get(2).execArgs().stream()
                .map(Word::text).toList());
        assertTrue(fix(before, "docker/invalid-exec-form").safe());
    }

    @Test
    void crlfFileStaysCrlf() {
        String before = "FROM alpine:3.22\r\nMAINTAINER ops\r\nRUN apk add curl\r\nADD a /a\r\nUSER 10001\r\n";
        String after = Fixtures.fixAll(Fixtures.source("Dockerfile", before));
        assertEquals("FROM alpine:3.22\r\nLABEL org.opencontainers.image.authors=\"ops\"\r\nRUN apk add --no-cache curl\r\n"
                + "COPY a /a\r\nUSER 10001\r\n", after);
    }

    @Test
    void fixAllOnTheNaiveNodeDockerfile() {
        String before = """
                FROM node:22
                MAINTAINER Shop Team <team@shop.example>
                RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*
                WORKDIR app
                ADD . .
                RUN npm install
                CMD npm start
                """;
        String after = Fixtures.fixAll(Fixtures.source("Dockerfile", before));
        // only safe fixes: npm ci, absolute WORKDIR and exec form stay for the author to decide
        assertEquals("""
                FROM node:22
                LABEL org.opencontainers.image.authors="Shop Team <team@shop.example>"
                RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                WORKDIR app
                COPY . .
                RUN npm install
                CMD npm start
                """, after);
        List<Finding> left = Fixtures.analyze(Fixtures.source("Dockerfile", after)).findings();
        for (Finding f : left) {
            for (Fix x : f.fixes()) {
                assertFalse(x.safe(), "safe fix left over: " + f.ruleId());
            }
        }
        assertNotNull(left.stream().filter(f -> f.ruleId().equals("docker/npm-install")).findFirst().orElse(null));
    }
}
