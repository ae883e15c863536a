package io.archlens.syntax.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {
    static Parsed<Dockerfile> parse(String text) {
        return new DockerfileParser().parse(SourceFile.of("Dockerfile", text, FileKind.DOCKERFILE));
    }

    static String slice(String text, TextRange r) {
        return text.substring(r.start(), r.end());
    }

    static List<String> names(Instruction run) {
        return run.commands().stream().map(ShellCommand::name).collect(Collectors.toList());
    }

    @Test
    void instructionsKeywordsAndArgs() {
        String t = "FROM node:20 AS build\nrun   npm ci  \nCMD [\"node\", \"server.js\"]\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(List.of(), p.issues());
        Dockerfile d = p.model();
        assertEquals(3, d.instructions().size());
        Instruction run = d.instructions().get(1);
        assertEquals("RUN", run.keyword());
        assertEquals("run", slice(t, run.keywordRange()));
        assertEquals("npm ci", run.args());
        assertEquals("npm ci", slice(t, run.argsRange()));
        Instruction cmd = d.instructions().get(2);
        assertTrue(cmd.isExecForm());
        assertEquals(List.of("node", "server.js"), cmd.execArgs().stream().map(Word::text).toList());
        assertEquals("\"server.js\"", slice(t, cmd.execArgs().get(1).range()));
        assertEquals(1, d.stages().size());
        assertEquals("build", d.stages().get(0).name());
        assertEquals("node", d.stages().get(0).image().key());
        assertEquals("20", d.stages().get(0).image().tag());
    }

    @Test
    void continuationsWithCommentAndEmptyLinesInside() {
        String t = "FROM debian\nRUN apt-get update && \\\n    # a comment inside\n\n    apt-get install -y \\\n      curl\nUSER app\n";
        Dockerfile d = parse(t).model();
        assertEquals(3, d.instructions().size());
        Instruction run = d.instructions().get(1);
        assertEquals("apt-get update &&     apt-get install -y       curl", run.args());
        assertEquals(List.of("apt-get", "apt-get"), names(run));
        ShellCommand install = run.commands().get(1);
        assertEquals("&&", run.commands().get(0).opAfter());
        Word curl = install.words().get(3);
        assertEquals("curl", slice(t, curl.range()));
        assertEquals(5, p(t).lines().lineOf(curl.range().start()));
        assertEquals(1, d.comments().size());
        assertEquals("# a comment inside", d.comments().get(0).text());
        assertEquals("USER", d.instructions().get(2).keyword());
        // the instruction's range ends on its last line, the args range does not swallow the escapes
        assertEquals("RUN apt-get update && \\\n    # a comment inside\n\n    apt-get install -y \\\n      curl",
                slice(t, run.range()));
    }

    static SourceFile p(String t) {
        return SourceFile.of("Dockerfile", t, FileKind.DOCKERFILE);
    }

    @Test
    void escapeDirectiveWithBacktick() {
        String t = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n    && echo done\nCOPY app C:\\app\\\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(List.of(), p.issues());
        Dockerfile d = p.model();
        assertEquals('`', d.escape());
        assertEquals("escape", d.directives().get(0).name());
        assertEquals(3, d.instructions().size());
        assertEquals("dir C:\\     && echo done", d.instructions().get(1).args());
        assertEquals("app C:\\app\\", d.instructions().get(2).args());
        assertEquals(List.of("app", "C:\\app\\"), d.instructions().get(2).words().stream().map(Word::text).toList());
    }

    @Test
    void directivesOnlyAtTheTop() {
        String t = "# syntax=docker/dockerfile:1\n# escape=\\\n\n# escape=`\nFROM alpine\nRUN echo \\\n hi\n";
        Dockerfile d = parse(t).model();
        assertEquals(2, d.directives().size());
        assertEquals('\\', d.escape());
        assertEquals("docker/dockerfile:1", d.directive("syntax").value());
        assertEquals("echo  hi", d.instructions().get(1).args());
    }

    @Test
    void invalidEscapeDirectiveIsAnIssue() {
        Parsed<Dockerfile> p = parse("# escape=x\nFROM alpine\n");
        assertEquals(1, p.issues().size());
        assertTrue(p.issues().get(0).message().contains("escape"));
    }

    @Test
    void heredocScriptIsLexedAsShell() {
        String t = "FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl | tee log\nEOF\nCMD [\"x\"]\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(List.of(), p.issues());
        Dockerfile d = p.model();
        assertEquals(3, d.instructions().size());
        Instruction run = d.instructions().get(1);
        assertEquals(1, run.heredocs().size());
        Heredoc h = run.heredocs().get(0);
        assertEquals("EOF", h.delimiter());
        assertEquals("<<EOF", slice(t, h.markerRange()));
        assertEquals("set -e\napt-get update\napt-get install -y curl | tee log\n", slice(t, h.bodyRange()));
        assertEquals(List.of("set", "apt-get", "apt-get", "tee"), names(run));
        assertEquals("|", run.commands().get(2).opAfter());
        assertEquals("curl", slice(t, run.commands().get(2).words().get(3).range()));
        assertEquals("RUN <<EOF\nset -e\napt-get update\napt-get install -y curl | tee log\nEOF", slice(t, run.fullRange()));
    }

    @Test
    void heredocVariants() {
        String t = "FROM alpine\nCOPY <<-\"END\" /etc/conf\n\tkey=value\n\tEND\nRUN python3 <<'PY'\nimport os\nPY\n"
                + "RUN bash -e <<EOS\n# comment line\nrm -rf /x\nEOS\nRUN <<A cat > /a && <<B cat > /b\na\nA\nb\nB\nUSER 1000\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(List.of(), p.issues());
        Dockerfile d = p.model();
        assertEquals(List.of("FROM", "COPY", "RUN", "RUN", "RUN", "USER"),
                d.instructions().stream().map(Instruction::keyword).toList());
        Heredoc copy = d.instructions().get(1).heredocs().get(0);
        assertTrue(copy.stripTabs());
        assertTrue(copy.quoted());
        assertEquals("\tkey=value\n", slice(t, copy.bodyRange()));
        // python heredoc: the body is stdin data, not shell
        assertEquals(List.of("python3"), names(d.instructions().get(2)));
        assertEquals(List.of("bash", "rm"), names(d.instructions().get(3)));
        assertEquals(2, d.instructions().get(4).heredocs().size());
    }

    @Test
    void unterminatedHeredocIsAParseIssueNotACrash() {
        String t = "FROM alpine\nRUN <<EOF\necho hi\nUSER app\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(1, p.issues().size());
        assertEquals("<<EOF", slice(t, p.issues().get(0).range()));
        assertTrue(p.issues().get(0).message().contains("never closed"));
        Instruction run = p.model().instructions().get(1);
        assertFalse(run.heredocs().get(0).terminated());
        assertEquals(t.length(), run.fullRange().end());
        assertEquals(2, p.model().instructions().size());
    }

    @Test
    void crlfLineEndings() {
        String t = "FROM alpine:3.20\r\nRUN apk add \\\r\n    curl\r\nCMD [\"sh\"]\r\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(List.of(), p.issues());
        Instruction run = p.model().instructions().get(1);
        assertEquals("apk add     curl", run.args());
        assertEquals("curl", slice(t, run.commands().get(0).words().get(2).range()));
        assertEquals("RUN apk add \\\r\n    curl", slice(t, run.range()));
        assertTrue(p.model().instructions().get(2).isExecForm());
    }

    @Test
    void crlfHeredoc() {
        String t = "FROM alpine\r\nRUN <<EOF\r\necho a && echo b\r\nEOF\r\nUSER x\r\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(List.of(), p.issues());
        assertEquals(List.of("echo", "echo"), names(p.model().instructions().get(1)));
        assertEquals(3, p.model().instructions().size());
    }

    @Test
    void tabsBetweenKeywordAndArgs() {
        String t = "FROM\talpine\nRUN\t\tapk\tadd\tcurl\n\tUSER\tnobody\n";
        Dockerfile d = parse(t).model();
        assertEquals("alpine", d.stages().get(0).image().raw());
        assertEquals(List.of("apk", "add", "curl"), d.instructions().get(1).commands().get(0).words().stream()
                .map(Word::text).toList());
        assertEquals("USER", d.instructions().get(2).keyword());
        assertEquals("nobody", d.instructions().get(2).words().get(0).text());
    }

    @Test
    void emojiAndCjkRangesAreUtf16() {
        String t = "FROM alpine\nLABEL description=\"日本語 🐳 image\" owner=\"チーム\"\nRUN echo \"🐳🐳\" && apk add curl\n";
        Dockerfile d = parse(t).model();
        List<KeyValue> kv = d.instructions().get(1).keyValues();
        assertEquals("日本語 🐳 image", kv.get(0).value());
        assertEquals("\"日本語 🐳 image\"", slice(t, kv.get(0).valueRange()));
        assertEquals("owner", slice(t, kv.get(1).keyRange()));
        int lineStart = t.indexOf("LABEL");
        // owner starts after: LABEL(5) space description=(12) "日本語 🐳 image"(13 UTF-16 units incl. surrogate pair) space
        assertEquals(5 + 1 + 12 + 14 + 1, kv.get(1).keyRange().start() - lineStart);
        ShellCommand apk = d.instructions().get(2).commands().get(1);
        assertEquals("apk", slice(t, apk.words().get(0).range()));
        int runStart = t.indexOf("RUN");
        assertEquals("RUN echo \"🐳🐳\" && ".length(), apk.words().get(0).range().start() - runStart);
    }

    @Test
    void flagsAreParsed() {
        String t = "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                + "RUN --mount=type=cache,target=/root/.cache/go-build --network=none go build ./...\n"
                + "COPY --from=build --chown=app:app --chmod=755 /out/app /app\n";
        Dockerfile d = parse(t).model();
        Flag platform = d.instructions().get(0).flag("platform");
        assertEquals("$BUILDPLATFORM", platform.value());
        assertEquals("--platform=$BUILDPLATFORM", slice(t, platform.range()));
        assertEquals("golang", d.stages().get(0).image().key());
        Instruction run = d.instructions().get(1);
        assertEquals("cache", run.flag("mount").options().get("type"));
        assertEquals("/root/.cache/go-build", run.flag("mount").options().get("target"));
        assertEquals("go build ./...", run.body());
        Instruction copy = d.instructions().get(2);
        assertEquals("build", copy.flag("from").value());
        assertEquals("build", slice(t, copy.flag("from").valueRange()));
        assertEquals("755", copy.flag("chmod").value());
        assertEquals(List.of("/out/app", "/app"), copy.words().stream().map(Word::text).toList());
    }

    @Test
    void envArgLabelPairs() {
        String t = "FROM alpine\nENV A=1 B=\"two words\" C='x y'\nENV LEGACY some value here\nARG V=1.2 NODEF\n"
                + "LABEL \"com.example.vendor\"=\"ACME\" version=1\n";
        Dockerfile d = parse(t).model();
        List<KeyValue> env = d.instructions().get(1).keyValues();
        assertEquals(3, env.size());
        assertEquals("two words", env.get(1).value());
        assertEquals("B", slice(t, env.get(1).keyRange()));
        assertEquals("\"two words\"", slice(t, env.get(1).valueRange()));
        assertEquals("x y", env.get(2).value());
        KeyValue legacy = d.instructions().get(2).keyValues().get(0);
        assertTrue(legacy.legacy());
        assertEquals("LEGACY", legacy.key());
        assertEquals("some value here", legacy.value());
        assertEquals("LEGACY some value here", slice(t, legacy.range()));
        List<KeyValue> arg = d.instructions().get(3).keyValues();
        assertEquals("1.2", arg.get(0).value());
        assertNull(arg.get(1).value());
        List<KeyValue> label = d.instructions().get(4).keyValues();
        assertEquals("com.example.vendor", label.get(0).key());
        assertEquals("ACME", label.get(0).value());
    }

    @Test
    void imageReferences() {
        String t = "ARG NODE_VERSION=18\nARG REG\nFROM node:${NODE_VERSION}-alpine AS a\n"
                + "FROM registry.example.com:5000/team/api:1.2@sha256:abc AS b\nFROM a AS c\nFROM scratch\n"
                + "FROM $REG/app\nFROM ${MISSING:-debian:bookworm}\nFROM public.ecr.aws/docker/library/python:3.8-slim\n";
        Dockerfile d = parse(t).model();
        List<Stage> s = d.stages();
        assertEquals("node:18-alpine", s.get(0).image().resolved());
        assertEquals("NODE_VERSION", s.get(0).image().viaArg());
        assertEquals("18-alpine", s.get(0).image().tag());
        assertNull(s.get(0).image().tagRange());
        ImageRef b = s.get(1).image();
        assertEquals("registry.example.com:5000", b.registry());
        assertEquals("team/api", b.repository());
        assertEquals("1.2", b.tag());
        assertEquals("sha256:abc", b.digest());
        assertEquals("1.2", slice(t, b.tagRange()));
        assertTrue(s.get(2).image().isStageRef());
        assertEquals(s.get(0), s.get(2).parent());
        assertTrue(s.get(3).image().isScratch());
        assertFalse(s.get(4).image().isResolved());
        assertEquals("debian:bookworm", s.get(5).image().resolved());
        assertEquals("python", s.get(6).image().key());
        assertEquals(s.get(6), d.finalStage());
        assertEquals(List.of(s.get(6)), d.shippedStages());
    }

    @Test
    void globalArgDefaultsUseEarlierArgs() {
        Dockerfile d = parse("ARG V=3.12\nARG BASE=python:${V}-slim\nARG X=${NOPE}\nFROM ${BASE}\nFROM ${X:-alpine}\n").model();
        assertEquals("python:3.12-slim", d.stages().get(0).image().resolved());
        assertEquals("alpine", d.stages().get(1).image().resolved());
    }

    @Test
    void shippedStagesFollowFromChain() {
        Dockerfile d = parse("FROM node:20 AS base\nFROM base AS build\nFROM alpine AS other\nFROM base AS final\n").model();
        assertEquals(List.of("base", "final"), d.shippedStages().stream().map(Stage::name).toList());
    }

    @Test
    void shellSplittingOperatorsAndQuotes() {
        String t = "FROM alpine\nRUN set -eux; curl -fsSL \"https://x/a b\" | sh -s -- -y || echo 'a && b' & wait; "
                + "(cd /tmp && make) > /dev/null 2>&1\n";
        Instruction run = parse(t).model().instructions().get(1);
        // the redirections after the subshell form a command of their own, without words
        assertEquals(List.of("set", "curl", "sh", "echo", "wait", "cd", "make", ""), names(run));
        List<String> ops = run.commands().stream().map(ShellCommand::opAfter).map(String::valueOf).toList();
        assertEquals(List.of(";", "|", "||", "&", ";", "&&", ")", "null"), ops);
        assertEquals("https://x/a b", run.commands().get(1).words().get(2).text());
        assertEquals("a && b", run.commands().get(3).words().get(1).text());
        assertEquals(1, run.commands().get(5).depth());
        assertEquals(List.of(">/dev/null", "2>&1"), run.commands().get(7).redirects().stream().map(Word::text).toList());
    }

    @Test
    void assignmentsAndWrappers() {
        String t = "FROM debian\nRUN DEBIAN_FRONTEND=noninteractive sudo -u root env A=1 /usr/bin/apt-get install -y x\n";
        ShellCommand c = parse(t).model().instructions().get(1).commands().get(0);
        assertEquals(1, c.assignments().size());
        assertEquals("sudo", c.head().text());
        assertEquals("apt-get", c.name());
        assertTrue(c.hasOption("-y"));
        assertNotNull(c.find("install"));
    }

    @Test
    void commandSubstitutionStaysInOneWord() {
        String t = "FROM alpine\nRUN echo \"$(uname -m | tr a b)\" && export X=$(cat /f; echo) && ls `pwd`\n";
        Instruction run = parse(t).model().instructions().get(1);
        assertEquals(List.of("echo", "export", "ls"), names(run));
    }

    @Test
    void malformedExecForm() {
        Dockerfile d = parse("FROM alpine\nCMD ['node', 'app.js']\nENTRYPOINT [\"a\",]\n").model();
        assertTrue(d.instructions().get(1).isMalformedExecForm());
        assertTrue(d.instructions().get(2).isMalformedExecForm());
        assertFalse(d.instructions().get(1).isExecForm());
        Dockerfile tests = parse("FROM alpine\nHEALTHCHECK CMD [[ -f /tables-created ]]\nCMD [ -f /ready ]\n"
                + "RUN [ ! -d /x ]\n").model();
        for (int i = 1; i <= 3; i++) {
            assertFalse(tests.instructions().get(i).isMalformedExecForm(), "a shell test, not JSON: " + i);
        }
    }

    @Test
    void healthcheck() {
        Dockerfile d = parse("FROM alpine\nHEALTHCHECK --interval=30s CMD [\"wget\", \"-q\", \"localhost\"]\n"
                + "HEALTHCHECK NONE\n").model();
        Instruction h = d.instructions().get(1);
        assertEquals("30s", h.flag("interval").value());
        assertEquals(3, h.execArgs().size());
        assertTrue(d.instructions().get(2).isHealthcheckNone());
    }

    @Test
    void onbuildTrigger() {
        Dockerfile d = parse("FROM alpine\nONBUILD RUN apk add curl\n").model();
        Instruction t = d.instructions().get(1).trigger();
        assertEquals("RUN", t.keyword());
        assertEquals(List.of("apk"), names(t));
    }

    @Test
    void structuralIssues() {
        Parsed<Dockerfile> p = parse("RUN echo hi\nFROM alpine AS\nFROOM x\n");
        List<String> msgs = p.issues().stream().map(i -> i.message()).toList();
        assertEquals(3, msgs.size(), msgs.toString());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("Unknown instruction 'FROOM'")));
        assertTrue(msgs.stream().anyMatch(m -> m.contains("before the first FROM")));
        assertTrue(msgs.stream().anyMatch(m -> m.contains("stage name after AS")));
    }

    @Test
    void emptyAndCommentOnlyFiles() {
        for (String t : new String[] {"", "\n\n", "   ", "# just a comment\n", "\ufeff"}) {
            Parsed<Dockerfile> p = parse(t);
            assertEquals(List.of(), p.issues(), t);
            assertTrue(p.model().instructions().isEmpty());
            assertNull(p.model().finalStage());
        }
    }

    @Test
    void byteOrderMarkIsIgnored() {
        Dockerfile d = parse("\ufeffFROM alpine\n").model();
        assertEquals("FROM", d.instructions().get(0).keyword());
    }
}
