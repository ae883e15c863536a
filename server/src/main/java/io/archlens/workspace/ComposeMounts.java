package io.archlens.workspace;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeParser;
import io.archlens.syntax.compose.ComposeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Files a Compose service bind-mounts into nginx's configuration ({@code ./proxy/site:/etc/nginx/conf.d/default.conf},
 * {@code ./nginx:/etc/nginx/conf.d}): they are nginx configuration whatever their name. Only mounts into the
 * configuration folders count ({@code nginx.conf}, {@code conf.d}, {@code sites-*}, {@code snippets},
 * {@code templates}), never certificates or web roots, and only sources inside the Compose file's own folder
 * tree (its project). Read from the Compose files named like Compose files; bounded, never throws.
 */
final class ComposeMounts {
    static final int MAX_DIR_FILES = 200;

    private ComposeMounts() {
    }

    /** The nginx files the Compose files among {@code files} mount, with the kind they are to be analysed as. */
    static Map<Path, FileKind> nginxFiles(List<Path> files, long maxBytes) {
        Map<Path, FileKind> out = new LinkedHashMap<>();
        for (Path f : files) {
            if (FileKindDetector.detect(f.toString(), "") != FileKind.COMPOSE) {
                continue;
            }
            FileLoader.Loaded loaded = FileLoader.load(f, maxBytes);
            // a mount target is under /etc/nginx: without that word (or an escape that could spell it) nothing to parse
            if (loaded.skipped() || !loaded.text().contains("nginx") && loaded.text().indexOf('\\') < 0) {
                continue;
            }
            try {
                ComposeFile c = ComposeParser.parse(SourceFile.of(f.getFileName().toString(), loaded.text(),
                        FileKind.COMPOSE)).model();
                Path project = f.toAbsolutePath().normalize().getParent();
                for (ComposeService s : c.services()) {
                    for (ComposeService.Mount m : s.mounts()) {
                        add(out, m, project);
                    }
                }
            } catch (RuntimeException e) {
                // a Compose file that cannot be read this way adds nothing
            }
        }
        return out;
    }

    private static void add(Map<Path, FileKind> out, ComposeService.Mount m, Path project) {
        if (m.type() != ComposeService.Mount.Type.BIND || m.source() == null || m.target() == null
                || m.source().contains("$") || m.source().startsWith("~") || !configTarget(m.target())) {
            return;
        }
        Path src = project.resolve(m.source().strip()).normalize();
        if (!src.startsWith(project)) {
            return;
        }
        if (Files.isRegularFile(src)) {
            out.put(src, FileKind.NGINX);
        } else if (Files.isDirectory(src)) {
            try (Stream<Path> s = Files.list(src)) {
                s.limit(MAX_DIR_FILES).filter(Files::isRegularFile).filter(ComposeMounts::configName)
                        .forEach(p -> out.put(p.normalize(), FileKind.NGINX));
            } catch (IOException | RuntimeException e) {
                // unreadable folder: nothing added
            }
        }
    }

    /** A target inside nginx's configuration (not its certificates, logs or web root). */
    private static boolean configTarget(String target) {
        String t = target.strip();
        if (!t.startsWith("/etc/nginx/") && !t.equals("/etc/nginx")) {
            return false;
        }
        String rest = t.substring("/etc/nginx".length());
        return rest.equals("/nginx.conf") || rest.startsWith("/conf.d") || rest.startsWith("/sites-")
                || rest.startsWith("/snippets") || rest.startsWith("/templates") || rest.endsWith(".conf");
    }

    /** Files of a mounted configuration folder that nginx would read: no extension, .conf, .template, .inc. */
    private static boolean configName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.indexOf('.') < 0 || n.endsWith(".conf") || n.endsWith(".template")
                || n.endsWith(".inc"));
    }
}
