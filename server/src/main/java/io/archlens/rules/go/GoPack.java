package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.Severity;
import io.archlens.code.Sink;
import io.archlens.filekind.FileKind;
import io.archlens.rules.code.MissingTimeout;
import io.archlens.rules.code.StringSink;
import io.archlens.syntax.go.GoFacts;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.CodeTreeParser;
import io.archlens.syntax.treesitter.Grammar;
import java.util.List;

/** The Go rules ({@code go/*}): the shared code rules on Go's facts, and Go's own. */
public final class GoPack implements RulePack<CodeTree> {
    private static final List<String> TEST_FOLDERS = List.of("testdata", "test", "tests", "testutil", "testutils",
            "testhelper", "testhelpers", "dockertest");
    /** Files of test helpers outside {@code _test.go}: {@code test_helper.go}, {@code testutil.go}. */
    private static final java.util.regex.Pattern TEST_FILE = java.util.regex.Pattern.compile(
            "test_?(helpers?|utils?|ing)\\.go");
    private static final Parser<CodeTree> PARSER = new CodeTreeParser(file -> Grammar.GO, GoFacts::extract,
            GoPack::isTestPath);
    private static final List<Rule<CodeTree>> RULES = List.of(
            new MissingTimeout<>(GoRule.go("http-client-no-timeout", "Go HTTP client without a timeout",
                    Severity.WARNING, Category.RELIABILITY), "go-http",
                    "waits for the answer without limit: a server that stops responding holds the goroutine and its "
                            + "connection for ever; use an http.Client with Timeout set (or a request context with a deadline)"),
            new StringSink<>(GoRule.go("sql-from-string", "SQL built from strings", Severity.ERROR,
                    Category.SECURITY), Sink.Kind.SQL),
            new StringSink<>(GoRule.go("command-from-string", "Command line built from strings", Severity.ERROR,
                    Category.SECURITY), Sink.Kind.COMMAND),
            new ServerWithoutTimeouts(),
            new TlsSkipVerify(),
            new TlsOldVersion(),
            new SqlPoolUnbounded(),
            new BackgroundContextInHandler(),
            new RowsNotClosed(),
            new WeakPasswordHash(),
            new InsecureRandomToken(),
            new HardcodedSecret(),
            new PathFromRequest(),
            new UrlFromRequest(),
            new JwtNoneAlgorithm(),
            new SshHostKeyIgnored(),
            new WeakRsaKey(),
            new GrpcInsecure(),
            new HtmlFromString(),
            new CookieWithoutFlags(),
            new CookieFlagsDisabled(),
            new DecompressionUnbounded(),
            new OpenRedirect());

    /**
     * Go test code: {@code _test.go} files, testdata folders, and the folders Go projects keep test helpers and
     * integration tests in ({@code test/}, {@code tests/}, {@code testutil/}, {@code testhelpers/}, {@code dockertest/}:
     * packages that take a {@code *testing.T} without being {@code _test.go} files), and helper files named so
     * ({@code test_helper.go}, {@code testutil.go}).
     */
    static boolean isTestPath(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith("_test.go") || TEST_FILE.matcher(p.substring(p.lastIndexOf('/') + 1)).matches()
                || TEST_FOLDERS.stream().anyMatch(f -> p.contains("/" + f + "/") || p.startsWith(f + "/"));
    }

    @Override
    public FileKind kind() {
        return FileKind.GO;
    }

    @Override
    public Parser<CodeTree> parser() {
        return PARSER;
    }

    @Override
    public List<Rule<CodeTree>> rules() {
        return RULES;
    }
}
