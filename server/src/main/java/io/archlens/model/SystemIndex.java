package io.archlens.model;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The facts of every configuration file of a workspace, by URI. Updating one file re-extracts only that
 * file's facts; {@link #analyze} rebuilds the model from the stored facts (cheap: no parsing) and re-runs the
 * project rules. Thread-safe for concurrent puts and reads; {@code analyze} sees a consistent-enough snapshot
 * (each file's facts are replaced atomically).
 */
public final class SystemIndex {
    private static final List<FactExtractor> EXTRACTORS = List.of(new ComposeExtractor(), new KubernetesExtractor(),
            new DockerfileExtractor(), new NginxExtractor(), new SpringExtractor(), new DotenvExtractor(), new CodeExtractor(),
            new SchemaExtractor(), new ApiExtractor());
    private static final Map<FileKind, FactExtractor> BY_KIND = new EnumMap<>(FileKind.class);

    static {
        for (FactExtractor e : EXTRACTORS) {
            for (FileKind k : e.kinds()) {
                BY_KIND.put(k, e);
            }
        }
    }

    private final RuleBook book;
    private final SystemModel.FileProbe probe;
    private final Map<String, FileFacts> facts = new ConcurrentHashMap<>();
    /** Answers of the probe, reused across rebuilds until {@link #invalidateProbes()} (files created or deleted). */
    private final Map<String, Boolean> probed = new ConcurrentHashMap<>();

    /** Projects re-checked side by side on the common pool (a one-shot {@code check}); see {@link #sideBySide()}. */
    private volatile boolean sideBySide;

    /**
     * Re-check several projects side by side on the cores: for a one-shot {@code check}, which waits for them. The
     * editor's index keeps them on its own thread, where the cores belong to the analysis of what is being typed.
     */
    public SystemIndex sideBySide() {
        sideBySide = true;
        return this;
    }

    public SystemIndex(RuleBook book, SystemModel.FileProbe probe) {
        this.book = book;
        SystemModel.FileProbe raw = probe;
        this.probe = (from, path) -> probed.computeIfAbsent(from.uri() + "\n" + path, k -> raw.exists(from, path));
    }

    /** Forgets which referenced files exist (call when files or folders were created or deleted). */
    public synchronized void invalidateProbes() {
        probed.clear();
        checked.clear();
        settled.clear();
    }

    /** True for the kinds the model reads facts from. */
    public static boolean relevant(FileKind kind) {
        return BY_KIND.containsKey(kind);
    }

    private static final java.util.Set<String> FIXTURE_DIRS = java.util.Set.of("testdata", "fixtures", "__fixtures__",
            "test-fixtures", "__snapshots__");

    /**
     * A file under a test-data folder ({@code testdata/}, {@code fixtures/}, a {@code src/test/} source set...; path as
     * displayed, relative to the workspace): test inputs, often broken on purpose, not part of the system the
     * repository deploys. Its own
     * per-file findings stay; it contributes no facts to the cross-file model.
     */
    public static boolean testFixture(String path) {
        if (path == null) {
            return false;
        }
        String p = path.replace('\\', '/');
        if (p.startsWith("src/test/") || p.contains("/src/test/")) {
            return true; // a Maven/Gradle test source set: its configuration and data are the tests'
        }
        for (String seg : p.split("/")) {
            if (FIXTURE_DIRS.contains(seg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One file's facts. {@code model} is the rule pack's parsed model when the caller has it (an analysis just
     * ran); null makes the extractor parse. Never throws: a failing extractor yields empty facts.
     */
    public static FileFacts extract(RuleBook book, SourceFile file, Object model, BiConsumer<String, Throwable> log) {
        FactExtractor ex = BY_KIND.get(file.kind());
        FileFacts.Builder b = new FileFacts.Builder(file);
        Object m = model;
        if (ex != null && !testFixture(file.path()) && (m != null || ex.mayContribute(file))) {
            if (m == null) {
                m = book.parse(file, log);
            }
            try {
                ex.extract(file, m, b);
            } catch (RuntimeException | StackOverflowError e) {
                log.accept("reading facts from " + file.path() + " failed", e);
                b = new FileFacts.Builder(file);
            }
        }
        return b.build(book.suppressions(file, m));
    }

    public FileFacts update(SourceFile file, Object model, BiConsumer<String, Throwable> log) {
        FileFacts f = extract(book, file, model, log);
        put(f);
        return f;
    }

    public void put(FileFacts f) {
        if (relevant(f.kind())) {
            FileFacts old = facts.put(f.uri(), f);
            if (old == null || !passive(old.kind()) || !passive(f.kind())) {
                structure.incrementAndGet();
            } else {
                dirty.add(f.uri());
            }
        } else if (facts.remove(f.uri()) != null) {
            structure.incrementAndGet();
        }
    }

    public void remove(String uri) {
        if (facts.remove(uri) != null) {
            structure.incrementAndGet();
        }
    }

    /**
     * Kinds whose facts never change how the workspace splits into projects: they seed no project and reference no
     * file (source code, SQL, OpenAPI, Spring, .env). Replacing such a file's facts keeps the last partition.
     */
    private static boolean passive(FileKind k) {
        return k.isSourceCode() || k == FileKind.SQL || k == FileKind.OPENAPI || k == FileKind.SPRING_PROPERTIES
                || k == FileKind.SPRING_YAML || k == FileKind.DOTENV;
    }

    /** Bumped when a file that can change the projects is added, removed or replaced. */
    private final java.util.concurrent.atomic.AtomicLong structure = new java.util.concurrent.atomic.AtomicLong();
    private long partitionedAt = -1;
    private List<Projects.Project> partition;
    /** Project indexes of {@link #partition} by file URI. */
    private Map<String, List<Integer>> memberOf = Map.of();
    /** Passive files whose facts were replaced since the partition was last brought up to date. */
    private final java.util.Set<String> dirty = ConcurrentHashMap.newKeySet();

    /**
     * The projects of the current facts: when only passive files changed since the last partition (an edit to code
     * or a Spring file need not re-split 10,000 files), the projects holding them get the files' current facts and
     * the others stay the same objects; else a new partition.
     */
    private List<Projects.Project> projects() {
        long now = structure.get();
        if (partition != null && partitionedAt == now) {
            List<String> changed = new ArrayList<>(dirty);
            dirty.removeAll(changed);
            List<Projects.Project> out = new ArrayList<>(partition);
            java.util.Set<Integer> touched = new java.util.TreeSet<>();
            for (String uri : changed) {
                touched.addAll(memberOf.getOrDefault(uri, List.of()));
            }
            for (int i : touched) {
                Projects.Project p = out.get(i);
                List<FileFacts> files = new ArrayList<>(p.files().size());
                for (FileFacts f : p.files()) {
                    FileFacts cur = facts.get(f.uri());
                    files.add(cur != null ? cur : f);
                }
                out.set(i, new Projects.Project(p.id(), p.label(), files));
            }
            partition = out;
            return out;
        }
        dirty.clear();
        partition = Projects.of(facts.values());
        partitionedAt = now;
        Map<String, List<Integer>> m = new java.util.HashMap<>();
        for (int i = 0; i < partition.size(); i++) {
            for (FileFacts f : partition.get(i).files()) {
                m.computeIfAbsent(f.uri(), k -> new ArrayList<>(1)).add(i);
            }
        }
        memberOf = m;
        return partition;
    }

    public FileFacts get(String uri) {
        return facts.get(uri);
    }

    public int size() {
        return facts.size();
    }

    public Collection<FileFacts> all() {
        return new ArrayList<>(facts.values());
    }

    public void clear() {
        facts.clear();
        structure.incrementAndGet();
    }

    /**
     * Builds one model per project ({@link Projects}) from the current facts and runs the project rules. A project
     * whose files are the same facts as last time (and the settings the same) keeps its model and findings, so an
     * edit re-runs the rules of its own project only.
     */
    public synchronized CrossFileAnalysis.Result analyze(Settings settings, BiConsumer<String, Throwable> log) {
        List<Projects.Project> projects = projects();
        WorkspaceObjects workspace = WorkspaceObjects.of(facts.values());
        Checked[] done = new Checked[projects.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < done.length; i++) {
            Projects.Project p = projects.get(i);
            Checked c = checked.get(p.id());
            if (c != null && c.same(p.files(), settings) && c.workspace().equals(workspace)) {
                done[i] = c;
            } else {
                todo.add(i);
            }
        }
        java.util.function.IntConsumer run = i -> {
            Projects.Project p = projects.get(i);
            SystemModel m = new SystemModel(p.label(), p.files(), settings.context(), probe, workspace);
            done[i] = new Checked(p.files(), settings, workspace, CrossFileAnalysis.check(book, m, settings, log));
        };
        // many projects in a check: side by side on the cores; the editor's updates (and one project) on this thread
        if (sideBySide && todo.size() > 1) {
            todo.parallelStream().forEach(run::accept);
        } else {
            todo.forEach(run::accept);
        }
        List<CrossFileAnalysis.ProjectFindings> parts = new ArrayList<>();
        Map<String, Checked> next = new java.util.HashMap<>();
        for (int i = 0; i < done.length; i++) {
            next.put(projects.get(i).id(), done[i]);
            parts.add(done[i].found());
        }
        checked.clear();
        checked.putAll(next);
        return CrossFileAnalysis.settle(book, parts, settings, settled);
    }

    /**
     * The last rule run of a project: its files (compared by identity: updated facts are new objects), and the
     * workspace's objects it was judged against (an edit elsewhere that adds or removes one re-runs it).
     */
    private record Checked(List<FileFacts> files, Settings settings, WorkspaceObjects workspace,
            CrossFileAnalysis.ProjectFindings found) {
        boolean same(List<FileFacts> now, Settings s) {
            if (!java.util.Objects.equals(settings, s) || now.size() != files.size()) {
                return false;
            }
            for (int i = 0; i < now.size(); i++) {
                if (now.get(i) != files.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, Checked> checked = new java.util.HashMap<>();
    /** Each file's settled cross-file findings of the last run (see {@link CrossFileAnalysis#settle}). */
    private final Map<String, CrossFileAnalysis.Settled> settled = new java.util.HashMap<>();

    /** The models of the projects of {@code facts} (no rules run: for graphs). */
    public static List<SystemModel> models(Collection<FileFacts> facts, Settings settings, SystemModel.FileProbe probe) {
        List<SystemModel> out = new ArrayList<>();
        WorkspaceObjects workspace = WorkspaceObjects.of(facts);
        for (Projects.Project p : Projects.of(facts)) {
            out.add(new SystemModel(p.label(), p.files(), settings.context(), probe, workspace));
        }
        return out;
    }

    public RuleBook book() {
        return book;
    }
}
