package io.archlens.cli;

import io.archlens.analysis.RuleBook;
import io.archlens.config.Settings;
import io.archlens.model.GraphSvg;
import io.archlens.model.SystemGraph;
import io.archlens.model.SystemIndex;
import io.archlens.model.SystemModel;
import io.archlens.workspace.WorkspaceIndexer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code archlens graph}: the service graph the cross-file rules see, as Mermaid or DOT. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the service graph (services, ports, dependencies, data stores) as Mermaid, DOT or SVG.")
public final class GraphCommand implements Callable<Integer> {
    enum Format { mermaid, dot, svg }

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "Folder or file (default: the current folder).")
    Path path;

    @Option(names = "--format", defaultValue = "mermaid", description = "mermaid, dot or svg (the drawing of archlens report and the editor's graph view: an HTML"
                    + " fragment with the SVG and its style) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: the nearest .archlens.yml).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path start = path == null ? Path.of(".") : path;
        if (!Files.exists(start)) {
            err.println("archlens: no such file or folder: " + start);
            return 2;
        }
        Path cwd = Path.of("").toAbsolutePath();
        SettingsFile.Loaded loaded = SettingsFile.load(config, start, cwd, err);
        if (loaded == null) {
            return 2;
        }
        Settings settings = loaded.settings();
        try {
            SystemIndex index = new SystemIndex(RuleBook.loadDefault(), SystemModel.FileProbe.DISK);
            WorkspaceIndexer.index(index, start, loaded.root(), settings, uri -> false, () -> false, n -> { },
                    (msg, e) -> err.println("archlens: " + msg + ": " + e));
            List<SystemModel> projects = SystemIndex.models(index.all(), settings, SystemModel.FileProbe.NONE);
            out.print(switch (format) {
                case dot -> SystemGraph.dot(projects);
                case svg -> GraphSvg.drawable(projects) ? GraphSvg.html(projects) : "";
                default -> SystemGraph.mermaid(projects);
            });
            out.flush();
            if (projects.stream().allMatch(m -> m.nodes().isEmpty() && m.services().isEmpty())) {
                err.println("archlens: nothing to draw in " + start + ": no Compose service, Kubernetes workload or"
                        + " Service found (" + CheckCommand.plural(index.size(), "configuration file") + " read)");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("archlens: " + e.getMessage());
            return 2;
        }
    }
}
