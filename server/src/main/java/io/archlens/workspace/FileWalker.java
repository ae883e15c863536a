package io.archlens.workspace;

import io.archlens.config.Settings;
import io.archlens.filekind.FileKindDetector;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Walks folders for files ArchLens may analyse, skipping vendored and build output folders and minified bundles. */
public final class FileWalker {
    public static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", "target", "build",
            "dist", "vendor", ".venv", "venv", "__pycache__", ".terraform", ".idea", ".gradle", ".mvn", ".tox",
            "bower_components", ".next", ".nuxt", "out");

    private FileWalker() {
    }

    /** Files under {@code start} (or start itself) whose name may be of a known kind; sorted. */
    public static List<Path> walk(Path start, Path root, Settings settings) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(start)) {
            out.add(start);
            return out;
        }
        // a folder named through a symbolic link is walked (links inside are then followed too; loops end in
        // visitFileFailed); otherwise links are not followed
        java.util.Set<java.nio.file.FileVisitOption> follow = Files.isSymbolicLink(start) && Files.isDirectory(start)
                ? java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS)
                : java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class);
        Files.walkFileTree(start, follow, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(start)) {
                    String name = dir.getFileName().toString();
                    if (SKIPPED_DIRS.contains(name) || settings.isIgnored(rel(root, dir) + "/")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && FileKindDetector.mayBeInteresting(file.toString())
                        && !Generated.minifiedName(file.getFileName().toString())
                        && !settings.isIgnored(rel(root, file))) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    public static String rel(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return (abs.startsWith(r) ? r.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
