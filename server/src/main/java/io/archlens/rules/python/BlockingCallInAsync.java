package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;

/**
 * A blocking call written directly in an {@code async def}: {@code time.sleep}, a {@code requests} call,
 * {@code urlopen}, {@code subprocess.run}. It stops the event loop, so every other request of the process waits.
 */
final class BlockingCallInAsync extends PythonRule {
    private static final Set<String> BLOCKING = Set.of("time.sleep", "urllib.request.urlopen", "subprocess.run",
            "subprocess.call", "subprocess.check_call", "subprocess.check_output", "os.system");
    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "request");

    BlockingCallInAsync() {
        super(python("blocking-call-in-async", "Blocking call inside async def", Severity.WARNING,
                Category.PERFORMANCE));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            boolean requests = q.startsWith("requests.") && VERBS.contains(q.substring(q.lastIndexOf('.') + 1));
            if (!BLOCKING.contains(q) && !requests) {
                return;
            }
            SyntaxNode scope = call.ancestor("function_definition", "lambda");
            if (scope == null || !scope.is("function_definition") || !Py.isAsync(scope)) {
                return;
            }
            String fix = q.equals("time.sleep") ? "await asyncio.sleep(...)"
                    : requests || q.endsWith("urlopen") ? "an async client (httpx.AsyncClient, aiohttp)"
                    : "asyncio.create_subprocess_exec, or await asyncio.to_thread(...)";
            ctx.report(call.field("function").range(), q + " blocks the event loop inside async def "
                    + scope.field("name").text() + ": every other request of the process waits until it returns; use "
                    + fix);
        });
    }
}
