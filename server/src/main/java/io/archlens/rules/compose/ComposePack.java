package io.archlens.rules.compose;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeParser;
import java.util.List;

/** Docker Compose files: security, reliability and operability of the services they run. */
public final class ComposePack implements RulePack<ComposeFile> {
    private static final List<Rule<ComposeFile>> RULES = List.of(
            new UnpinnedImage(),
            new Privileged(),
            new HostNetwork(),
            new HostNamespace(),
            new DatabasePortExposed(),
            new LiteralSecret(),
            new DependencyWithoutHealthcheck(),
            new DependsOnNotHealthy(),
            new NoRestartPolicy(),
            new DatabaseWithoutVolume(),
            new DockerSocketMount(),
            new SensitiveHostMount(),
            new DangerousCapability(),
            new NoCapDrop(),
            new NoNewPrivileges(),
            new NoResourceLimits(),
            new ObsoleteVersion(),
            new ContainerName(),
            new Links(),
            new UnboundedLogging(),
            new WritableRootFs(),
            new DatastoreWithoutAuth(),
            MissingHealthcheck.SERVING,
            MissingHealthcheck.WORKER,
            new SourceBindMount(),
            new EolImage(),
            new BuildTargetDevStage());

    @Override
    public FileKind kind() {
        return FileKind.COMPOSE;
    }

    @Override
    public Parser<ComposeFile> parser() {
        return ComposeParser::parse;
    }

    @Override
    public List<Rule<ComposeFile>> rules() {
        return RULES;
    }
}
