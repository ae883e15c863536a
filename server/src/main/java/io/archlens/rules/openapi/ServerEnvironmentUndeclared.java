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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Specs listing several remote servers (localhost aside), some named as environments, where neither a server's description nor its URL
 * says which environment it is (production, staging, sandbox...): documentation tools show the description in
 * their server picker, and a test call against production (or real data sent to a sandbox) follows.
 */
public final class ServerEnvironmentUndeclared implements Rule<OpenApiDoc> {
    static final RuleMeta META = RuleMeta.of("openapi/server-environment-undeclared",
            "Server does not say which environment it is", Severity.INFO, Category.MAINTAINABILITY,
            FileKind.OPENAPI);

    private static final Pattern ENVIRONMENT = Pattern.compile("(?i).*(local|sandbox|alpha|beta|test|stag|prod|"
            + "next|dev|\\bqa\\b|\\buat\\b|demo|mock|live|preview|canary|integration|internal).*", Pattern.DOTALL);

    /** Environment names as whole words of a URL ({@code api.staging.example.com}, {@code sandbox-api...}). */
    private static final Pattern URL_WORD = Pattern.compile("(?i)(^|[./:_-])(local|localhost|127\\.0\\.0\\.1|"
            + "sandbox|alpha|beta|test|testing|stag|stage|staging|stg|prod|production|preprod|dev|develop|development|"
            + "qa|uat|demo|mock|live|preview|canary|int|integration|internal)([./:_-]|\\d|$)");

    private static final Pattern LOCAL = Pattern.compile(
            "(?i)^(https?|wss?)://(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1]|host\\.docker\\.internal)([:/]|$)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(OpenApiDoc doc, RuleContext ctx) {
        if (doc.swagger2() || doc.root() == null || !(doc.root().get("servers") instanceof YSeq servers)) {
            return;
        }
        List<YMap> unnamed = new ArrayList<>();
        int remote = 0;
        for (YNode n : servers.items()) {
            if (n instanceof YMap server && server.entry("url") != null
                    && !LOCAL.matcher(String.valueOf(server.getText("url"))).find()) {
                remote++;
                String description = server.getText("description");
                String url = String.valueOf(server.getText("url"));
                boolean named = description != null && ENVIRONMENT.matcher(description).matches()
                        || URL_WORD.matcher(url).find();
                if (!named) {
                    unnamed.add(server);
                }
            }
        }
        if (remote < 2 || unnamed.size() == remote) {
            return; // one remote server (and localhost), or none named: regions or versions, not environments
        }
        for (YMap server : unnamed) {
            String description = server.getText("description");
            YEntry at = server.entry("description") != null ? server.entry("description") : server.entry("url");
            ctx.report(at.value().range(), "Server " + server.getText("url") + (description == null
                    ? " has no description" : " is described as \"" + description.strip() + "\"") + "; neither"
                    + " it nor the URL says which environment it is while other servers do: readers and documentation"
                    + " tools cannot tell whether it is production; name the environment in the description");
        }
    }
}
