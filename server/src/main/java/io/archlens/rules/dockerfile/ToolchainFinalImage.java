package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.ImageRef;
import io.archlens.syntax.dockerfile.Stage;
import java.util.Locale;

/** A single-stage build whose only image is a build toolchain (maven, gradle, golang, full node, JDK...). */
final class ToolchainFinalImage implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("toolchain-final-image",
            "Build toolchain shipped as the runtime image", Severity.WARNING, Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** The runtime image to suggest when {@code img} is a toolchain image, else null. */
    static String runtimeFor(ImageRef img) {
        String key = img.key();
        String tag = img.tag() == null ? "" : img.tag().toLowerCase(Locale.ROOT);
        switch (key) {
            case "maven", "gradle":
                return "eclipse-temurin:<version>-jre";
            case "openjdk", "eclipse-temurin", "amazoncorretto", "sapmachine":
                return tag.contains("jre") ? null : "eclipse-temurin:<version>-jre";
            case "golang":
                return "gcr.io/distroless/static or alpine (copy only the binary)";
            case "rust", "gcc":
                return "debian:bookworm-slim or gcr.io/distroless/cc (copy only the binary)";
            case "node":
                return tag.contains("slim") || tag.contains("alpine") ? null : "node:<version>-slim";
            case "mcr.microsoft.com/dotnet/sdk":
                return "mcr.microsoft.com/dotnet/aspnet or runtime";
            default:
                return null;
        }
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        if (d.stages().size() != 1) {
            return;
        }
        Stage f = d.finalStage();
        ImageRef img = f.image();
        if (img == null || !img.isResolved() || img.isStageRef()) {
            return;
        }
        String runtime = runtimeFor(img);
        if (runtime == null) {
            return;
        }
        ctx.report(img.range(), "The only stage uses the build image '" + img.display() + "', so the shipped image "
                + "carries compilers and build tools (hundreds of MB, more CVEs, tools an attacker can use); build in "
                + "this stage and copy the result into a second stage FROM " + runtime);
    }
}
