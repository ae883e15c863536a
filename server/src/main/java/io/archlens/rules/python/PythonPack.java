package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.Severity;
import io.archlens.code.Sink;
import io.archlens.filekind.FileKind;
import io.archlens.rules.code.MissingTimeout;
import io.archlens.rules.code.StringSink;
import io.archlens.syntax.python.PythonFacts;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.CodeTreeParser;
import io.archlens.syntax.treesitter.Grammar;
import java.util.List;

/** The Python rules ({@code python/*}): the shared code rules on Python's facts, and Python's own. */
public final class PythonPack implements RulePack<CodeTree> {
    private static final Parser<CodeTree> PARSER = new CodeTreeParser(file -> Grammar.PYTHON, PythonFacts::extract,
            PythonPack::testPath);
    private static final List<Rule<CodeTree>> RULES = List.of(
            new MissingTimeout<>(PythonRule.python("requests-no-timeout", "requests call without a timeout",
                    Severity.WARNING, Category.RELIABILITY), "requests",
                    "waits for the server without limit (requests has no default timeout): one silent upstream "
                            + "holds the worker for ever; pass timeout=(connect, read) seconds, e.g. timeout=(3, 10)"),
            new MissingTimeout<>(PythonRule.python("httpx-timeout-disabled", "httpx timeout turned off",
                    Severity.WARNING, Category.RELIABILITY), "httpx",
                    "removes httpx's 5 s default: a silent upstream holds the call for ever; pass a number or "
                            + "httpx.Timeout(10, connect=3)"),
            new MissingTimeout<>(PythonRule.python("urlopen-no-timeout", "urlopen without a timeout",
                    Severity.WARNING, Category.RELIABILITY), "urllib",
                    "waits for the server without limit (the socket default is no timeout); pass timeout=seconds"),
            new StringSink<>(PythonRule.python("sql-from-string", "SQL built from strings", Severity.ERROR,
                    Category.SECURITY), Sink.Kind.SQL),
            new StringSink<>(PythonRule.python("command-from-string", "Shell command built from strings",
                    Severity.ERROR, Category.SECURITY), Sink.Kind.COMMAND),
            new TlsVerifyDisabled(),
            new JwtUnverified(),
            new UnsafeYamlLoad(),
            new UnsafeDeserialization(),
            new FlaskDebug(),
            new DjangoSettings.Debug(),
            new DjangoSettings.AllowedHostsWildcard(),
            new DjangoSettings.SecretKey(),
            new CorsWildcardCredentials(),
            new BlockingCallInAsync(),
            new EngineWithoutPrePing(),
            new WeakPasswordHash(),
            new HardcodedSecret(),
            new SecretInLog(),
            new SwallowedException(),
            new WeakTlsVersion(),
            new SshHostKeyUnchecked());

    /** tests/ and test/ folders, test_*.py, *_test.py, conftest.py, and Locust load tests (locustfile.py). */
    static boolean testPath(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.contains("/tests/") || p.contains("/test/") || name.startsWith("test_") || name.endsWith("_test.py")
                || name.equals("conftest.py") || name.equals("tests.py") || name.equals("locustfile.py");
    }

    @Override
    public FileKind kind() {
        return FileKind.PYTHON;
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
