package io.archlens.syntax.nginx;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.FileCache;
import io.archlens.syntax.Recent;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where nginx {@code include}s lead on disk, and which files include a given one.
 *
 * <p>The <em>configuration folder</em> of a file is the folder holding {@code nginx.conf}: the file's own or its
 * parent; else the parent of a {@code conf.d}/{@code sites-*}/{@code snippets}-like folder; else the file's own
 * folder. Relative include paths are tried against the configuration folder (nginx's prefix) and then the
 * including file's folder. Absolute paths are read only below a folder named {@code nginx} (with an optional
 * {@code conf/}): {@code /etc/nginx/snippets/tls.conf} is {@code snippets/tls.conf} in the configuration folder,
 * never the machine's own {@code /etc/nginx}. A glob ({@code * ? [}) in the last path segment lists its folder
 * (sorted, hidden files left out, as nginx does); a glob whose folder does not exist, a missing file, a variable,
 * a glob in a folder name or more than {@link #MAX_GLOB} matches cannot be resolved.
 */
public final class NginxIncludes {
    /** A parsed file on disk. */
    record Loaded(SourceFile src, NginxConfig cfg) {
    }

    /** An include in {@code file} (a candidate includer) whose target resolves to the file asked about. */
    record Includer(Path path, Loaded file, NginxDirective include) {
    }

    static final long MAX_BYTES = 256L << 10;
    static final int MAX_GLOB = 64;
    private static final int SCAN_DEPTH = 3;
    private static final int SCAN_ENTRIES = 1000;
    private static final int SCAN_FILES = 300;
    private static final Set<String> CONF_DIRS = Set.of("conf.d", "sites-available", "sites-enabled", "snippets",
            "includes", "include", "vhosts", "vhosts.d", "servers", "http.d", "stream.d", "locations", "streams",
            "modules-enabled", "modules-available", "default.d");
    private static final Set<String> SKIP_DIRS = Set.of("node_modules", "target", "build", "dist", "vendor",
            "__pycache__");
    private static final Pattern UNDER_NGINX = Pattern.compile("^/(?:.*/)?nginx/(?:conf/)?(.+)$");
    private static final FileCache<Loaded> FILES = new FileCache<>(256, MAX_BYTES, (p, text) -> {
        SourceFile src = new SourceFile(p.toUri().toString(), p.toString(), text, FileKind.NGINX, 0);
        return new Loaded(src, NginxParser.parse(text).model());
    });

    private static final Recent<Path, List<Path>> SCANS = new Recent<>(3000, 64);
    private static final Object UNRESOLVED = new Object();

    private final Path confRoot;
    private final Path selfName;
    private final Map<Path, Path> reals = new HashMap<>();
    private final Map<Path, Object> loaded = new HashMap<>();
    private final Map<String, Object> resolved = new HashMap<>();

    /**
     * One analysis' view of the disk below {@code confRoot}: each path is resolved, read and parsed at most once
     * per view (a configuration often includes one snippet from many files).
     */
    NginxIncludes(Path confRoot, Path self) {
        this.confRoot = confRoot;
        this.selfName = self.getFileName();
    }

    Path confRoot() {
        return confRoot;
    }

    /** The parsed file, or null when it cannot be read. */
    Loaded load(Path p) {
        Object hit = loaded.computeIfAbsent(p, k -> {
            Loaded l = FILES.get(k);
            return l == null ? UNRESOLVED : l;
        });
        return hit == UNRESOLVED ? null : (Loaded) hit;
    }

    /** The configuration folder of a file in {@code dir} (see the class comment). */
    static Path confRoot(Path dir) {
        if (Files.isRegularFile(dir.resolve("nginx.conf"))) {
            return dir;
        }
        Path parent = dir.getParent();
        if (parent == null) {
            return dir;
        }
        if (Files.isRegularFile(parent.resolve("nginx.conf"))) {
            return parent;
        }
        Path name = dir.getFileName();
        return name != null && CONF_DIRS.contains(name.toString()) ? parent : dir;
    }

    /** The files an include pattern names, in nginx's order; null when it cannot be resolved. */
    @SuppressWarnings("unchecked")
    List<Path> resolve(String pattern, Path includerDir) {
        Object hit = resolved.computeIfAbsent(includerDir + "\0" + pattern, k -> {
            List<Path> r = resolve(pattern, includerDir, confRoot);
            return r == null ? UNRESOLVED : r;
        });
        return hit == UNRESOLVED ? null : (List<Path>) hit;
    }

    private static List<Path> resolve(String pattern, Path includerDir, Path confRoot) {
        if (pattern == null || pattern.isEmpty() || pattern.indexOf('$') >= 0 || pattern.indexOf('\0') >= 0) {
            return null;
        }
        String rel = pattern;
        if (pattern.startsWith("/")) {
            Matcher m = UNDER_NGINX.matcher(pattern);
            if (!m.matches()) {
                return null;
            }
            rel = m.group(1);
        }
        int slash = rel.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : rel.substring(0, slash);
        String namePart = rel.substring(slash + 1);
        if (namePart.isEmpty() || isGlob(dirPart)) {
            return null;
        }
        try {
            for (Path base : confRoot.equals(includerDir) ? List.of(confRoot) : List.of(confRoot, includerDir)) {
                Path dir = base.resolve(dirPart).normalize();
                if (isGlob(namePart)) {
                    if (Files.isDirectory(dir)) {
                        return glob(dir, namePart);
                    }
                } else if (Files.isRegularFile(dir.resolve(namePart))) {
                    return List.of(dir.resolve(namePart));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static List<Path> glob(Path dir, String namePart) throws IOException {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + namePart);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Path name = p.getFileName();
                if (!m.matches(name) || name.toString().startsWith(".") && !namePart.startsWith(".")
                        || !Files.isRegularFile(p)) {
                    continue;
                }
                if (out.size() == MAX_GLOB) {
                    return null;
                }
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** The files of {@code candidates} with an include that resolves to {@code target} (compared by {@link #id}). */
    List<Includer> includers(Path target, List<Path> candidates) {
        String name = target.getFileName().toString();
        List<Includer> out = new ArrayList<>();
        for (Path c : candidates) {
            if (c.equals(target)) {
                continue;
            }
            Loaded l = load(c);
            if (l == null || l.cfg().includes().isEmpty()) {
                continue;
            }
            for (NginxInclude inc : l.cfg().includes()) {
                if (!mayName(inc.fileName(), name)) {
                    continue;
                }
                List<Path> r = resolve(inc.pattern(), c.getParent());
                if (r != null && r.stream().anyMatch(p -> id(p).equals(id(target)))) {
                    out.add(new Includer(c, l, inc.directive()));
                }
            }
        }
        return out;
    }

    private static boolean mayName(String patternName, String name) {
        if (!isGlob(patternName)) {
            return patternName.equals(name);
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + patternName).matches(Path.of(name));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * What identifies a file (for cycles, and to recognise the analysed file): its normalized path, or for files
     * named like the analysed one its real path, since {@code sites-enabled/app} is usually a link to
     * {@code sites-available/app}. Resolving every path's links would cost a few system calls per include.
     */
    Path id(Path p) {
        Path n = p.normalize();
        return n.getFileName() != null && n.getFileName().equals(selfName) ? real(n) : n;
    }

    private Path real(Path p) {
        return reals.computeIfAbsent(p, k -> {
            try {
                return k.toRealPath();
            } catch (IOException | RuntimeException e) {
                return k.toAbsolutePath().normalize();
            }
        });
    }

    /**
     * The files under the configuration folder that could include others (nginx-looking names, at most
     * {@link #SCAN_FILES}, {@link #SCAN_DEPTH} folders deep), listed again after a few seconds.
     */
    static List<Path> candidates(Path confRoot) {
        if (confRoot.getParent() == null) {
            return List.of(); // a file at the file system's root: no configuration folder to look through
        }
        return SCANS.get(confRoot, NginxIncludes::scan);
    }

    private static List<Path> scan(Path root) {
        List<Path> out = new ArrayList<>();
        Deque<Path> dirs = new ArrayDeque<>(List.of(root));
        Map<Path, Integer> depth = new HashMap<>(Map.of(root, 0));
        int entries = 0;
        while (!dirs.isEmpty() && out.size() < SCAN_FILES) {
            Path dir = dirs.poll();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (++entries > SCAN_ENTRIES || out.size() >= SCAN_FILES) {
                        break;
                    }
                    String n = p.getFileName().toString();
                    if (n.startsWith(".")) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        int d = depth.get(dir) + 1;
                        if (d < SCAN_DEPTH && !SKIP_DIRS.contains(n)) {
                            depth.put(p, d);
                            dirs.add(p);
                        }
                    } else if (mayBeNginx(n)) {
                        out.add(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable folder: its files include nothing we can see
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean mayBeNginx(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String ext = name.substring(dot + 1);
        return ext.equals("conf") || ext.equals("nginx") || ext.equals("vhost") || ext.equals("inc")
                || ext.equals("site") || name.contains("nginx");
    }
}
