package io.archlens.rules.openapi;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.regex.Pattern;

/**
 * Specs listing several servers where a server's description does not say which environment it is (production,
 * staging, sandbox...): documentation tools show the description in their server picker, and a test call against
 * production (or real data sent to a sandbox) follows.
 */
public final class ServerEnvironmentUndeclared implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/server-environment-undeclared",
            "Server does not say which environment it is", Severity.INFO, Category.MAINTAINABILITY,
            FileKind.OPENAPI);

    private static final Pattern ENVIRONMENT = Pattern.compile("(?i).*(local|sandbox|alpha|beta|test|stag|prod|"
            + "next|dev|\\bqa\\b|\\buat\\b|demo|mock|live|preview|canary|integration|internal).*", Pattern.DOTALL);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.swagger2() || doc.root() == null || !(doc.root().get("servers") instanceof YSeq servers)
                || servers.size() < 2) {
            return; // one server: nothing to confuse it with
        }
        for (YNode n : servers.items()) {
            if (!(n instanceof YMap server) || server.entry("url") == null) {
                continue;
            }
            String description = server.getText("description");
            if (description != null && ENVIRONMENT.matcher(description).matches()) {
                continue;
            }
            YEntry at = server.entry("description") != null ? server.entry("description") : server.entry("url");
            ctx.report(at.value().range(), "Server " + server.getText("url") + (description == null
                    ? " has no description" : " is described as \"" + description.strip() + "\"") + ", which does not"
                    + " say which environment it is: among " + servers.size() + " servers, readers and documentation"
                    + " tools cannot tell production from staging or a sandbox; name the environment in the description");
        }
    }
}
