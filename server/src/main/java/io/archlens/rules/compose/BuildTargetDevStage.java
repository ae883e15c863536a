package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.spring.Profiles;
import io.archlens.syntax.yaml.YMap;
import io.archlens.analysis.Related;
import io.archlens.core.Position;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code build.target} names a development or build stage of the service's Dockerfile (read from disk:
 * {@link ComposeBuilds}) that is not its last stage: {@code builder}, {@code build}, {@code deps}, {@code dev},
 * {@code debug}, {@code test}... The service then runs an image with compilers, dev dependencies and sources instead
 * of the slim runtime stage. Development files and services, and Dockerfiles that cannot be read, are left alone.
 */
public final class BuildTargetDevStage implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/build-target-dev-stage",
            "The service is built from a development or build stage", Severity.WARNING, Category.SECURITY,
            FileKind.COMPOSE);
    private static final Set<String> BUILD_NAMES = Set.of("build", "builder", "building", "compile", "compiler",
            "deps", "dependencies", "debug", "devel", "sdk", "toolchain");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        if (ComposeSupport.devFile(ctx.file().path())) {
            return;
        }
        for (ComposeService s : f.services()) {
            String target = ComposeBuilds.target(s);
            if (target == null || ComposeSupport.devService(s) || target.contains("$")) {
                continue;
            }
            java.nio.file.Path path = ComposeBuilds.path(ctx.file(), s.effective());
            Dockerfile d = path == null ? null : ComposeBuilds.dockerfile(ctx.file(), s.effective());
            Stage stage = d == null ? null : d.stage(target);
            if (stage == null || stage == d.finalStage() || !devName(target)) {
                continue;
            }
            YMap build = (YMap) s.value("build");
            ctx.report(build.get("target").range(), "Service '" + s.name() + "' runs the '" + target + "' stage of "
                    + "its Dockerfile (line " + (stage.from().line() + 1) + "), a development/build stage, not the last one ('"
                    + (d.finalStage().name() == null ? "unnamed" : d.finalStage().name()) + "'): the image carries "
                    + "compilers, dev dependencies and sources; target the runtime stage, or move the service to "
                    + "compose.override.yml if it is for development", List.of(), List.of(new Related(
                    path.toUri().toString(), new Position(stage.from().line(), 0), new Position(stage.from().line(), 0),
                    "the '" + target + "' stage")));
        }
    }

    static boolean devName(String stage) {
        for (String part : stage.toLowerCase(Locale.ROOT).split("[-_.]")) {
            if (BUILD_NAMES.contains(part) || Profiles.isDevName(part)) {
                return true;
            }
        }
        return false;
    }
}
