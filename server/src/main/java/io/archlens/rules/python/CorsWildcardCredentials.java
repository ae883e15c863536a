package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * CORS that lets any site make credentialed calls: Starlette/FastAPI {@code CORSMiddleware} with
 * {@code allow_origins=["*"]} and {@code allow_credentials=True} (it then echoes the caller's origin), flask-cors
 * {@code CORS(app, supports_credentials=True)} with no origins or {@code "*"}.
 */
final class CorsWildcardCredentials extends PythonRule {
    CorsWildcardCredentials() {
        super(python("cors-wildcard-credentials", "CORS allows any origin with credentials", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            boolean starlette = q.endsWith("CORSMiddleware")
                    || Py.positional(call).stream().anyMatch(a -> a.text().endsWith("CORSMiddleware"));
            boolean flask = q.equals("flask_cors.CORS") || q.equals("flask_cors.cross_origin");
            SyntaxNode origins = Py.kwarg(call, starlette ? "allow_origins" : "origins");
            SyntaxNode creds = Py.kwarg(call, starlette ? "allow_credentials" : "supports_credentials");
            if (!(starlette || flask) || !Py.isTrue(creds)) {
                return;
            }
            boolean any = origins == null ? flask : "*".equals(Py.str(origins))
                    || origins.isAny("list", "tuple") && origins.namedChildren().stream().anyMatch(e -> "*".equals(Py.str(e)));
            if (any) {
                ctx.report(creds.parent().range(), "Credentials are allowed for any origin: any web site a logged-in "
                        + "user visits can call this API as that user and read the answers; list the allowed origins");
            }
        });
    }
}
