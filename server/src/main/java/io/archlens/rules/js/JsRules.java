package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.Severity;
import io.archlens.code.Sink;
import io.archlens.rules.code.MissingTimeout;
import io.archlens.rules.code.StringSink;
import io.archlens.syntax.treesitter.CodeTree;
import java.util.List;

/** The {@code js/*} rules, shared by the JavaScript and TypeScript packs. */
final class JsRules {
    static final List<Rule<CodeTree>> ALL = List.of(
            new MissingTimeout<>(JsRule.js("fetch-no-timeout", "fetch without an abort signal", Severity.WARNING,
                    Category.RELIABILITY), "fetch",
                    "has no signal: Node's fetch waits up to 5 minutes for the headers and as long again for the body "
                            + "(node-fetch for ever) while the caller holds its request open; pass "
                            + "signal: AbortSignal.timeout(5000)"),
            new MissingTimeout<>(JsRule.js("axios-no-timeout", "axios without a timeout", Severity.WARNING,
                    Category.RELIABILITY), "axios",
                    "sets no timeout and axios's default is none: a server that never answers keeps the request "
                            + "pending for ever; pass timeout: 5000 (or set it once with axios.create / "
                            + "axios.defaults.timeout)"),
            new MissingTimeout<>(JsRule.js("http-request-no-timeout", "Node http request without a timeout",
                    Severity.WARNING, Category.RELIABILITY), "node-http",
                    "sets no timeout: Node's http client waits on a silent socket without limit; pass timeout in the "
                            + "options (and abort in the 'timeout' handler) or a signal: AbortSignal.timeout(...)"),
            new StringSink<>(JsRule.js("sql-from-string", "SQL built from strings", Severity.ERROR,
                    Category.SECURITY), Sink.Kind.SQL),
            new StringSink<>(JsRule.js("command-from-string", "Shell command built from strings", Severity.ERROR,
                    Category.SECURITY), Sink.Kind.COMMAND),
            new CorsWildcardCredentials(),
            new JwtDecodeUnverified(),
            new JwtVerifyNoAlgorithms(),
            new TlsVerificationDisabled(),
            new EvalDynamic(),
            new BodyLimitHuge(),
            new NoSigtermHandler(),
            new AsyncHandlerUnhandled(),
            new HardcodedSecret(),
            new InsecureRandomToken(),
            new OpenRedirect(),
            new RegexpFromRequest(),
            new RedosRegex(),
            new BidiCharacters());

    private JsRules() {
    }
}
