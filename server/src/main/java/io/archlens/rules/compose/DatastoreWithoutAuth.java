package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.model.DataStoreAuth;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;

/**
 * A Redis, MongoDB, Elasticsearch/OpenSearch or RabbitMQ service that starts without authentication (the judgement
 * {@code k8s/datastore-without-auth} uses: {@link DataStoreAuth}), when it is reachable beyond the project's own
 * containers (a published port, the host network) or the file is named for production. Development files and services
 * are left alone.
 */
public final class DatastoreWithoutAuth implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/datastore-without-auth", "Data store runs without "
            + "authentication", Severity.WARNING, Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        if (ComposeSupport.devFile(ctx.file().path())) {
            return;
        }
        boolean production = ComposeSupport.productionFile(ctx.file().path());
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            YEntry image = s.get("image");
            if (image == null || s.text("image") == null || s.has("env_file") || ComposeSupport.devService(s)) {
                continue; // env_file: the settings come from elsewhere
            }
            if (!production && !s.has("ports") && !"host".equals(s.text("network_mode"))) {
                continue; // reachable only by the project's own containers: a local stack, not worth a warning
            }
            String why = DataStoreAuth.openBecause(s.text("image").strip(), s.environmentValues(), s.commandLine());
            if (why != null) {
                ctx.report(image.value().range(), "Service '" + s.name() + "': " + why + "; "
                        + (production ? "in a production file every container on its networks" : "its port is "
                        + "published, so whoever reaches the host") + " gets the data. Set a password from a secret or "
                        + "${VAR}, or name the file *.dev.yml / compose.override.yml if it is only for development");
            }
        }
    }
}
