package io.archlens.syntax.nginx;

import io.archlens.analysis.Related;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.Recent;
import io.archlens.syntax.nginx.NginxIncludes.Includer;
import io.archlens.syntax.nginx.NginxIncludes.Loaded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One file judged where nginx runs it: the configuration of a <em>root</em> file (one that nothing includes) with
 * every resolvable {@code include} replaced by the included files' directives, so rules see inherited settings and
 * what snippets add. The files' texts are laid end to end in one virtual text; each {@link Segment} says where a
 * file's text starts, so a finding's range tells which file it lies in. Bounded: {@link #MAX_DEPTH} nested
 * includes, {@link #MAX_FILES} files and {@link #MAX_CHARS} characters of included text per configuration; an
 * include past a bound, one that closes a cycle, or one that cannot be resolved stays in the tree unresolved
 * ({@link NginxDirective#includeResolved()} false), so rules keep treating it as "may define anything".
 */
public final class NginxContext {
    static final int MAX_DEPTH = 8;
    static final int MAX_FILES = 64;
    static final int MAX_CHARS = 1 << 19;
    private static final int MAX_ROOTS = 4;
    private static final int MAX_UP = 32;
    /** Roots found for a file a moment ago: typing in a snippet does not read the folder's files each time. */
    private static final Recent<Path, List<Path>> ROOTS = new Recent<>(3000, 256);

    /** Where an include directive is written: the file and the directive's range in its own text. */
    public record Site(SourceFile file, TextRange range) {
        Related related(String message) {
            LineIndex li = file.lines();
            return new Related(file.uri(), li.position(range.start()), li.position(range.end()), message);
        }
    }

    /**
     * One file's text in the virtual text, from {@code base} for {@code length} characters; {@code self} when it is
     * the analysed file; {@code via} the includes that brought it in, outermost first (empty for the root).
     */
    public record Segment(SourceFile file, int base, int length, boolean self, List<Site> via) {
        public boolean contains(TextRange r) {
            return r.start() >= base && r.end() <= base + length;
        }

        /**
         * The include chain as related locations pointing at the include directives, outermost first:
         * "nginx.conf includes shop.conf here; tls.conf is judged as part of nginx.conf", "shop.conf includes
         * tls.conf here".
         */
        public List<Related> related() {
            List<Related> out = new ArrayList<>();
            for (int i = 0; i < via.size(); i++) {
                String includer = via.get(i).file().name();
                String included = i + 1 < via.size() ? via.get(i + 1).file().name() : file.name();
                String msg = includer + " includes " + included + " here";
                out.add(via.get(i).related(i > 0 ? msg : msg + "; " + file.name() + " is judged as part of "
                        + includer));
            }
            return out;
        }
    }

    private final NginxConfig config;
    private final SourceFile file;
    private final List<Segment> segments;

    private NginxContext(NginxConfig config, SourceFile file, List<Segment> segments) {
        this.config = config;
        this.file = file;
        this.segments = List.copyOf(segments);
    }

    /** The effective configuration; its ranges are offsets into {@link #file()}'s text. */
    public NginxConfig config() {
        return config;
    }

    /** The virtual text, under the analysed file's uri and path. */
    public SourceFile file() {
        return file;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The segment whose text holds {@code offset}, or null. */
    public Segment segmentAt(int offset) {
        int lo = 0;
        int hi = segments.size() - 1;
        Segment found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (s.base() <= offset) {
                found = s;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found != null && offset <= found.base() + found.length() ? found : null;
    }

    /**
     * The configurations to judge {@code file} in: one per root file that includes it (directly or through other
     * includes, at most {@value #MAX_ROOTS}), or its own with its includes resolved. Empty when neither applies
     * (no file on disk, no include resolved, nothing includes it): the file's own parse is all there is.
     * Computed once per parse and remembered by {@code own}.
     */
    public static List<NginxContext> of(NginxConfig own, SourceFile file) {
        List<NginxContext> memo = own.contexts;
        if (memo == null) {
            try {
                memo = compute(own, file);
            } catch (RuntimeException | StackOverflowError e) {
                memo = List.of();
            }
            own.contexts = memo;
        }
        return memo;
    }

    private static List<NginxContext> compute(NginxConfig own, SourceFile file) {
        Path self = file.localPath();
        if (self == null || self.getParent() == null) {
            return List.of();
        }
        NginxIncludes disk = new NginxIncludes(NginxIncludes.confRoot(self.getParent()), self);
        Loaded selfLoaded = new Loaded(file, own);
        List<Path> roots = new ArrayList<>();
        if (Files.isRegularFile(self)) {
            roots = roots(self, disk);
        }
        List<NginxContext> out = new ArrayList<>();
        Path selfId = disk.id(self);
        for (Path r : roots) {
            Loaded root = disk.load(r);
            if (root != null) {
                NginxContext c = new Builder(selfId, selfLoaded, disk).build(root, r);
                if (c.segments.stream().anyMatch(Segment::self)) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty() && !own.includes().isEmpty()) {
            NginxContext c = new Builder(selfId, selfLoaded, disk).build(selfLoaded, self);
            if (c.config.named("include").stream().anyMatch(NginxDirective::includeResolved)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The root files above {@code self}: files that include it (through others) and that nothing includes.
     * Remembered for a few seconds (a new including file is seen after that; changed contents at once).
     */
    private static List<Path> roots(Path self, NginxIncludes disk) {
        return ROOTS.get(self, k -> findRoots(k, NginxIncludes.candidates(disk.confRoot()), disk));
    }

    private static List<Path> findRoots(Path self, List<Path> candidates, NginxIncludes disk) {
        List<Path> roots = new ArrayList<>();
        Set<Path> seen = new HashSet<>(List.of(disk.id(self)));
        Deque<Path> todo = new ArrayDeque<>(List.of(self));
        int steps = 0;
        while (!todo.isEmpty() && roots.size() < MAX_ROOTS && steps++ < MAX_UP) {
            Path f = todo.poll();
            List<Includer> inc = disk.includers(f, candidates);
            if (inc.isEmpty() && f != self) {
                roots.add(f);
            }
            for (Includer i : inc) {
                if (seen.add(disk.id(i.path()))) {
                    todo.add(i.path());
                }
            }
        }
        return roots;
    }

    /** Splices files into one tree; one builder per configuration. */
    private static final class Builder {
        private final Path selfId;
        private final Loaded self;
        private final NginxIncludes disk;
        private final StringBuilder text = new StringBuilder();
        private final List<Segment> segments = new ArrayList<>();
        private final List<NginxDirective> all = new ArrayList<>();
        private final List<NginxInclude> includes = new ArrayList<>();
        private final Set<Path> open = new HashSet<>();
        private int included;

        Builder(Path selfId, Loaded self, NginxIncludes disk) {
            this.selfId = selfId;
            this.self = self;
            this.disk = disk;
        }

        NginxContext build(Loaded root, Path rootPath) {
            NginxDirective effective = NginxDirective.root();
            Path id = disk.id(rootPath);
            add(id.equals(selfId) ? self : root, id, effective, null, List.of(), 0);
            NginxConfig cfg = new NginxConfig(effective, all, List.of(), includes);
            SourceFile f = self.src();
            return new NginxContext(cfg, new SourceFile(f.uri(), f.path(), text.toString(), FileKind.NGINX,
                    f.version()), segments);
        }

        /** Appends one file's text and copies its directives into {@code into}, following its includes. */
        private void add(Loaded f, Path id, NginxDirective into, NginxDirective from, List<Site> via, int depth) {
            int base = text.length();
            text.append(f.src().text()).append('\n');
            segments.add(new Segment(f.src(), base, f.src().text().length(), id.equals(selfId), via));
            open.add(id);
            Deque<Iterator<NginxDirective>> its = new ArrayDeque<>();
            Deque<NginxDirective> parents = new ArrayDeque<>();
            its.push(f.cfg().root().children().iterator());
            parents.push(into);
            while (!its.isEmpty()) {
                if (!its.peek().hasNext()) {
                    its.pop();
                    parents.pop();
                    continue;
                }
                NginxDirective o = its.peek().next();
                NginxDirective c = o.copyInto(parents.peek(), base);
                c.includedBy = from;
                all.add(c);
                if (o.isBlock()) {
                    its.push(o.children().iterator());
                    parents.push(c);
                } else if (o.is("include") && o.argCount() > 0) {
                    String pattern = c.argValue(0);
                    includes.add(new NginxInclude(c, pattern, NginxIncludes.isGlob(pattern)));
                    include(o, c, f, id, via, depth);
                }
            }
            open.remove(id);
        }

        /** Splices the files of one include after it, or leaves it unresolved. */
        private void include(NginxDirective o, NginxDirective c, Loaded f, Path id, List<Site> via, int depth) {
            if (depth >= MAX_DEPTH) {
                return;
            }
            List<Path> targets = disk.resolve(o.argValue(0), id.getParent());
            if (targets == null || segments.size() + targets.size() > MAX_FILES) {
                return;
            }
            List<Loaded> files = new ArrayList<>();
            List<Path> ids = new ArrayList<>();
            int chars = 0;
            for (Path t : targets) {
                Path tid = disk.id(t);
                Loaded l = tid.equals(selfId) ? self : disk.load(t);
                if (l == null || open.contains(tid)) {
                    return;
                }
                chars += l.src().text().length() + 1;
                files.add(l);
                ids.add(tid);
            }
            if (included + chars > MAX_CHARS) {
                return;
            }
            included += chars;
            c.includeResolved = true;
            List<Site> next = new ArrayList<>(via);
            next.add(new Site(f.src(), o.range()));
            for (int i = 0; i < files.size(); i++) {
                add(files.get(i), ids.get(i), c.parent(), c, List.copyOf(next), depth + 1);
            }
        }
    }
}
