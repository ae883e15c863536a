package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.CodeView;
import io.archlens.model.Facts.Command;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.FileFacts;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.List;
import java.util.Locale;

/**
 * A server whose code does not handle SIGTERM runs under a command that does not pass the signal on: a shell-form
 * CMD ({@code /bin/sh -c} is PID 1 and ignores it) or a package manager ({@code npm start}). On every deploy or
 * scale-down the container waits out the grace period and is killed, dropping the requests in flight.
 */
public final class ShutdownSignalLost implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/shutdown-signal-lost",
            "A server that does not handle SIGTERM runs under a command that does not forward it", Severity.ERROR,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            List<FileFacts> servers = CodeView.unhandledShutdown(n);
            ImageSpec img = SystemModel.dockerfile(n);
            if (servers.isEmpty() || img == null || img.command() == null || n.main() == null
                    || n.main().commandLine() != null && !n.main().commandLine().isBlank()) {
                continue;
            }
            Command c = img.command();
            String t = c.text().toLowerCase(Locale.ROOT);
            if (t.contains("tini") || t.contains("dumb-init") || t.contains("exec ")) {
                continue;
            }
            boolean manager = t.matches(".*\\b(npm|yarn|pnpm)\\b.*\\b(start|run)\\b.*");
            if (!c.shellForm() && !manager) {
                continue;
            }
            String why = manager ? "a package manager (" + c.text() + ") does not forward SIGTERM to the server"
                    : "its shell form makes /bin/sh PID 1, which does not forward SIGTERM";
            out.report(c.loc(), n.label() + " starts with " + c.text() + ": " + why + ", and the server code ("
                    + servers.get(0).path() + ") does not handle it either; each deploy kills it after the grace "
                    + "period, dropping requests in flight. Use the exec form running the server directly "
                    + "(CMD [\"node\", \"server.js\"]) and handle SIGTERM", List.of(SystemModel.top(servers.get(0))
                    .related("this server does not handle SIGTERM")));
        }
    }
}
