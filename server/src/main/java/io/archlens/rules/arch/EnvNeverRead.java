package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.code.ConfigRead;
import io.archlens.model.CodeView;
import io.archlens.model.Facts.EnvVar;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A hint: an environment variable set on a workload that its code never reads. Only where the code is fully in
 * view: not a Spring application (relaxed binding reads variables as properties), no read with a computed name,
 * not a workload that runs a test runner (test code is not among the code facts), and not a variable that a
 * runtime, SDK or the start command reads.
 */
public final class EnvNeverRead implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/env-never-read",
            "A workload sets an environment variable its code never reads", Severity.INFO,
            Category.MAINTAINABILITY, null);

    /** Prefixes of variables that runtimes, SDKs and agents read, not the application's code. */
    private static final List<String> TOOLS = List.of("NODE_", "NPM_", "YARN_", "PYTHON", "PIP_", "UV_", "JAVA_",
            "JDK_", "MAVEN_", "GRADLE_", "GO", "CGO_", "OTEL_", "DD_", "NEW_RELIC", "AWS_", "GOOGLE_", "AZURE_", "SSL_",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "LC_", "SPRING_", "SERVER_", "MANAGEMENT_", "LOGGING_", "DEBUG",
            "TZ", "LANG", "PORT", "WEB_CONCURRENCY", "GUNICORN_", "UVICORN_", "FLASK_", "DJANGO_", "CATALINA_",
            "MALLOC_", "GIN_MODE", "SENTRY_");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            if (!CodeView.hasCode(n) || n.binding().spring() || n.main() == null || n.main().env().isEmpty()
                    || TestRunners.runsTests(n)) {
                continue;
            }
            Set<String> read = new HashSet<>();
            boolean dynamic = false;
            for (CodeView.At<ConfigRead> r : CodeView.reads(n)) {
                if (r.fact().key() == null) {
                    dynamic = true;
                } else {
                    read.add(r.fact().key());
                }
            }
            if (dynamic) {
                continue;
            }
            String cmd = (n.main().commandLine() == null ? "" : n.main().commandLine()) + " " + command(n);
            for (EnvVar e : n.main().env()) {
                String name = e.name();
                if (read.contains(name) || cmd.contains(name) || tool(name)) {
                    continue;
                }
                out.report(e.nameLoc(), n.label() + " sets " + name + " but none of the "
                        + n.binding().code().size() + " source files it runs reads it; remove it, or read it where it"
                        + " was meant to take effect", List.of(SystemModel.top(n.binding().code().get(0))
                        .related("the code " + n.name() + " runs (" + n.binding().code().size() + " files)")));
            }
        }
    }

    private static String command(Node n) {
        ImageSpec img = SystemModel.dockerfile(n);
        return img == null || img.command() == null ? "" : img.command().text();
    }

    private static boolean tool(String name) {
        for (String t : TOOLS) {
            if (name.startsWith(t)) {
                return true;
            }
        }
        return false;
    }
}
