package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.Set;

/**
 * {@code COPY . .} before the dependency install in the same stage: every source change invalidates the layer
 * cache for the install, so each build downloads all dependencies again.
 */
final class CopyBeforeInstall implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("copy-before-install",
            "Whole build context copied before the dependency install", Severity.WARNING, Category.PERFORMANCE);
    private static final Set<String> WHOLE = Set.of(".", "./", "*", "./*", "./.", ".*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            Word copied = null;
            Instruction copy = null;
            boolean goModDownloaded = false;
            boolean mvnOffline = false;
            for (Instruction ins : s.instructions()) {
                if ((ins.is("COPY") || ins.is("ADD")) && copied == null && ins.flag("from") == null) {
                    for (Word w : AddInsteadOfCopy.sources(ins)) {
                        if (WHOLE.contains(w.text())) {
                            copied = w;
                            copy = ins;
                            break;
                        }
                    }
                    continue;
                }
                if (!ins.is("RUN")) {
                    continue;
                }
                for (ShellCommand c : ins.commands()) {
                    String manifest = manifest(c, ins, goModDownloaded, mvnOffline);
                    if (c.name().equals("go") && c.find("download") != null) {
                        goModDownloaded = true;
                    }
                    if (isMaven(c) && c.find("dependency:go-offline", "dependency:resolve") != null) {
                        mvnOffline = true;
                    }
                    if (manifest == null || copied == null) {
                        continue;
                    }
                    ctx.report(copied.range(), ctx.file().slice(copy.keywordRange()) + " of the whole build context "
                            + "comes before '" + abbreviate(c.toString()) + "' (line "
                            + Docker.line(ctx, c.range().start()) + "): any source change invalidates that step's "
                            + "cache, so every build downloads all dependencies again; copy " + steps(manifest)
                            + ", then copy the rest");
                    copied = null;
                    break;
                }
                if (copied == null && copy != null) {
                    // reported: stop looking in this stage
                    break;
                }
            }
        }
    }

    /** "go.mod and go.sum (then RUN go mod download)" becomes "go.mod and go.sum first, RUN go mod download". */
    private static String steps(String manifest) {
        int then = manifest.indexOf(" (then ");
        if (then < 0) {
            return manifest + " first, install";
        }
        return manifest.substring(0, then) + " first, " + manifest.substring(then + 7, manifest.length() - 1);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static boolean isMaven(ShellCommand c) {
        return c.name().equals("mvn") || c.name().equals("mvnw");
    }

    /** The manifest files to copy first when {@code c} installs dependencies, else null. */
    static String manifest(ShellCommand c, Instruction run, boolean goModDownloaded, boolean mvnOffline) {
        String n = c.name();
        switch (n) {
            case "npm" -> {
                Word sub = Docker.subcommand(c, NpmInstall.VALUE_OPTS);
                if (sub != null && (sub.is("ci") || NpmInstall.projectInstall(c) != null)) {
                    return "package.json and package-lock.json";
                }
            }
            case "yarn" -> {
                Word sub = Docker.subcommand(c, Set.of());
                if (sub == null || sub.is("install")) {
                    return "package.json and yarn.lock";
                }
            }
            case "pnpm" -> {
                Word sub = Docker.subcommand(c, Set.of());
                if (sub != null && (sub.is("install") || sub.is("i"))) {
                    return "package.json and pnpm-lock.yaml";
                }
            }
            case "pipenv" -> {
                if (c.find("install", "sync") != null) {
                    return "Pipfile and Pipfile.lock";
                }
            }
            case "poetry" -> {
                if (c.find("install") != null) {
                    return "pyproject.toml and poetry.lock";
                }
            }
            case "bundle" -> {
                if (c.find("install") != null || c.effective().size() == 1) {
                    return "Gemfile and Gemfile.lock";
                }
            }
            case "composer" -> {
                if (c.find("install") != null) {
                    return "composer.json and composer.lock";
                }
            }
            case "cargo" -> {
                if (c.find("fetch") != null) {
                    return "Cargo.toml and Cargo.lock";
                }
            }
            case "dotnet" -> {
                if (c.find("restore") != null) {
                    return "the *.csproj files";
                }
            }
            case "go" -> {
                if (c.find("download") != null && c.find("mod") != null) {
                    return "go.mod and go.sum";
                }
                if (c.find("build") != null && !goModDownloaded && !Docker.cacheMount(run, "/go", "/root/go",
                        "/root/.cache")) {
                    return "go.mod and go.sum (then RUN go mod download)";
                }
            }
            case "mvn", "mvnw" -> {
                if (c.find("dependency:go-offline", "dependency:resolve") != null) {
                    return "pom.xml";
                }
                if (c.find("package", "install", "verify") != null && !mvnOffline
                        && !Docker.cacheMount(run, "/root/.m2", "/home/")) {
                    return "pom.xml (then RUN mvn dependency:go-offline)";
                }
            }
            default -> {
                Word pip = Docker.pipInstall(c);
                if (pip != null && c.hasOption("-r", "--requirement")) {
                    return "requirements.txt";
                }
            }
        }
        return null;
    }
}
