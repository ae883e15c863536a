package io.archlens.syntax.python;

import io.archlens.code.CodeFacts;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Map;

/**
 * The language-neutral {@link CodeFacts} of one Python file: HTTP clients (requests, httpx, urllib) with their
 * timeouts, SQL and shell sinks with how their strings were built, environment reads (pydantic settings
 * classes too), routes (Flask, FastAPI, Django urls) and the prefixes routers are mounted under, ports listened on, literal service URLs, SQLAlchemy and Django models, and SIGTERM handling.
 * One pass over the calls; every reader works from the tree's per-type indexes.
 */
public final class PythonFacts {
    private PythonFacts() {
    }

    public static CodeFacts extract(CodeTree t) {
        CodeFacts.Builder b = CodeFacts.builder();
        Map<String, String> imports = Py.imports(t);
        PyStrings strings = new PyStrings(t);
        PyHttp http = new PyHttp(t, imports);
        PyService service = new PyService(t, imports, strings);
        for (SyntaxNode call : t.all("call")) {
            String q = Py.qualified(call, imports);
            if (q.isEmpty()) {
                continue;
            }
            http.call(call, q, b);
            PySinks.call(call, q, strings, b);
            service.call(call, q, b);
        }
        service.subscripts(b);
        PySettings.extract(t, imports, b);
        service.routes(b);
        service.urls(b);
        PyEntities.extract(t, b);
        b.shutdown = service.shutdown();
        return b.build();
    }
}
