package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.code.CodeFacts;
import io.archlens.code.Listen;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;

/**
 * A file that starts a server ({@code app.listen}, {@code server.listen}) and handles neither SIGTERM nor SIGINT,
 * with no graceful-shutdown helper (NestJS {@code enableShutdownHooks}, terminus, http-terminator...): the
 * {@link CodeFacts.Shutdown#NOT_HANDLED} fact. Reported once, on the first listen.
 */
final class NoSigtermHandler extends JsRule {
    NoSigtermHandler() {
        super(js("no-sigterm-handler", "Server without a SIGTERM handler", Severity.WARNING, Category.RELIABILITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        if (t.facts().shutdown() != CodeFacts.Shutdown.NOT_HANDLED || t.facts().listens().isEmpty()) {
            return;
        }
        Listen l = t.facts().listens().get(0);
        ctx.report(l.range(), "This file starts a server and nothing handles SIGTERM: on every deploy or scale-down "
                + "(docker stop, Kubernetes) requests in flight are cut off; on SIGTERM stop accepting "
                + "(server.close()), finish open requests and close pools, then exit");
    }
}
