package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The project's source tree bind-mounted into a container ({@code ./:/app}, {@code .:/usr/src/app},
 * {@code ./src:/app/src}) in a file meant for production: named so ({@code compose.prod.yml},
 * {@code docker-compose.production.yml}), or a service that looks deployed (a restart policy and published ports,
 * no {@code develop:} section, no reloading dev server in its command). The container then runs whatever is in the
 * checkout, not the image that was built and tested.
 */
public final class SourceBindMount implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/source-bind-mount",
            "The source tree is bind-mounted into a production service", Severity.WARNING, Category.RELIABILITY,
            FileKind.COMPOSE);
    private static final Set<String> TREE = Set.of(".", "./", "..", "../", "$PWD", "${PWD}", "./src", "./app");
    private static final Set<String> APP_DIRS = Set.of("/app", "/usr/src/app", "/code", "/src", "/var/www",
            "/var/www/html", "/opt/app", "/srv/app", "/home/node/app", "/workspace", "/usr/app", "/application");
    private static final Pattern DEV_COMMAND = Pattern.compile("--reload|nodemon|npm run dev|yarn dev|pnpm dev"
            + "|runserver|--watch|\\bwatch\\b|bootrun|air\\b|flask run|--debug|ng serve|vite");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        String path = ctx.file().path();
        if (ComposeSupport.devFile(path)) {
            return;
        }
        boolean prodFile = ComposeSupport.productionFile(path);
        for (ComposeService s : f.services()) {
            if (ComposeSupport.devService(s) || !(prodFile || looksDeployed(f, s.effective()))) {
                continue;
            }
            for (ComposeService.Mount m : s.mounts()) {
                if (m.type() == ComposeService.Mount.Type.BIND && m.source() != null && m.target() != null
                        && sourceTree(m.source().strip(), m.target().strip())) {
                    ctx.report(m.node().range(), "Service '" + s.name() + "' mounts the source tree (" + m.source()
                            .strip() + " on " + m.target().strip() + ") in " + (prodFile ? "a production file"
                            : "a service that looks deployed (restart policy, published ports, no develop: or "
                                    + "dev-server command)") + ": it runs whatever the checkout holds, not the image "
                            + "that was built and tested; bake the code into the image, and keep the mount in "
                            + "compose.override.yml or a develop: watch section");
                }
            }
        }
    }

    private static boolean sourceTree(String source, String target) {
        String src = source.endsWith("/") && source.length() > 2 ? source.substring(0, source.length() - 1) : source;
        String dst = target.endsWith("/") && target.length() > 1 ? target.substring(0, target.length() - 1) : target;
        return TREE.contains(src) || src.startsWith(".") && APP_DIRS.contains(dst);
    }

    private static boolean looksDeployed(ComposeFile f, ComposeService s) {
        String restart = s.text("restart");
        boolean restarts = restart != null && !restart.strip().equals("no")
                || s.value("deploy") != null && s.value("deploy").at("restart_policy") != null;
        return restarts && s.has("ports") && !s.has("develop") && !ComposeSupport.oneShot(f, s)
                && !DEV_COMMAND.matcher(s.commandLine().toLowerCase(Locale.ROOT)).find();
    }
}
