package io.archlens.cli;

import io.archlens.agent.AgentFindings;
import io.archlens.agent.AgentRuntime;
import io.archlens.agent.AgentService;
import io.archlens.agent.AgentSettings;
import io.archlens.agent.ReviewResult;
import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.provider.CancelToken;
import io.archlens.agent.validate.FindingMerger;
import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import io.archlens.workspace.FileLoader;
import io.archlens.workspace.FileWalker;
import io.archlens.workspace.Skip;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code archlens check --agent NAME}: after the rule book, the LLM agent reviews each file (including the
 * backend source files only the agent reads), at most two at a time, with one progress line per file on
 * stderr. Agent findings are merged into each file's result (the rule book wins where both report the same issue
 * at the same place). When the agent reviews no file at all (no key, endpoint unreachable, every call failed or
 * paused by the breaker), {@link Outcome#notRun} says why and {@code check} exits with {@link #NOT_RUN}.
 */
final class AgentBatch {
    /** The exit code of {@code check --agent} when the agent could not review any file. */
    static final int NOT_RUN = 3;

    private AgentBatch() {
    }

    /**
     * What the agent did: the results (the rule book's, with the agent's findings merged in), and why the agent
     * reviewed no file at all when it could not ({@code notRun}, null when it ran or had nothing to review).
     * Null results: a usage error (unknown agent), already said on stderr.
     */
    record Outcome(List<FileResult> results, String notRun) {
    }

    /** {@code system}: the cross-file result of the same check, whose model the prompts summarise (may be null). */
    static Outcome run(String agentName, String userBaseUrl, Settings settings, Path root, Path cwd, List<Path> files,
            List<FileResult> ruleResults, io.archlens.model.CrossFileAnalysis.Result system, PrintWriter err) {
        AgentSettings s = AgentSettings.from(settings).withEnabled(true).withAgentName(agentName);
        if (userBaseUrl != null) {
            s = s.withBaseUrl(userBaseUrl);
        }
        for (String p : s.problems()) {
            say(err, "archlens: agent settings: " + p);
        }
        AgentService service;
        try {
            service = AgentService.create(s, AgentDefinitions.load(root), AgentRuntime.system(null, userBaseUrl,
                    msg -> say(err, "archlens: " + msg)));
        } catch (IllegalArgumentException e) {
            say(err, "archlens: --agent: " + e.getMessage());
            return new Outcome(null, null);
        }
        if (system != null && system.workloads() > 0) {
            service.systemContext(file -> io.archlens.model.SystemSummary.forAgent(system.around(file.uri()), file.uri(),
                    system.findings(file.uri()), 4000));
        }
        try (service) {
            // a named source file the rule book skipped ("source-code") is the agent's to review: its skip goes
            List<FileResult> targets = new ArrayList<>(ruleResults.stream().filter(r -> r.skip() == null
                    || !r.skip().code().equals(Skip.SOURCE_CODE)
                    || !service.reviews(FileKindDetector.detect(r.displayPath(), ""))).toList());
            Set<Path> seen = new HashSet<>();
            targets.forEach(r -> seen.add(r.path()));
            for (Path f : files) {
                if (seen.contains(f)) {
                    continue;
                }
                String display = FileWalker.rel(cwd, f);
                FileKind byName = FileKindDetector.detect(display, "");
                if (!byName.isSourceCode() || !service.reviews(byName)) {
                    continue;
                }
                FileLoader.Loaded loaded = FileLoader.load(f, s.maxFileBytes());
                if (loaded.skipped()) {
                    targets.add(new FileResult(f, display, null, new Skip(loaded.skipCode(), loaded.skipReason())));
                    continue;
                }
                SourceFile src = new SourceFile(f.toUri().toString(), display, loaded.text(), byName, 0);
                targets.add(new FileResult(f, display, new Analysis(src, List.of(), null), null));
            }
            if (service.configProblem().isPresent()) {
                // nothing can be sent; that matters only when some file would have been
                boolean wouldSend = targets.stream().anyMatch(r -> r.analysis() != null
                        && service.skipReason(r.analysis().file()).isEmpty());
                return new Outcome(ruleResults, wouldSend ? service.configProblem().get() : null);
            }
            return reviewAll(service, s, settings, targets, err);
        }
    }

    private static Outcome reviewAll(AgentService service, AgentSettings s, Settings settings,
            List<FileResult> targets, PrintWriter err) {
        List<FileResult> reviewable = targets.stream()
                .filter(r -> r.analysis() != null && service.reviews(r.analysis().file().kind())).toList();
        int total = reviewable.size();
        say(err, "archlens: agent " + service.definition().name() + " (" + s.provider().id() + ", " + service.model()
                + ") reviewing " + total + (total == 1 ? " file" : " files"));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger reviewed = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.maxConcurrent()), r -> {
            Thread t = new Thread(r, "archlens-agent-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (FileResult r : targets) {
                if (!reviewable.contains(r)) {
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(r));
                    continue;
                }
                futures.add(pool.submit(() -> {
                    SourceFile file = r.analysis().file();
                    ReviewResult rr = service.review(file, settings.context(), r.findings(), CancelToken.none());
                    say(err, "archlens: agent [" + done.incrementAndGet() + "/" + total + "] " + r.displayPath() + ": "
                            + describe(rr));
                    if (!rr.ok()) {
                        if (rr.status() == ReviewResult.Status.FAILED) {
                            firstFailure.compareAndSet(null, rr.message());
                        }
                        return r;
                    }
                    reviewed.incrementAndGet();
                    List<Finding> agent = AgentFindings.applySettings(file, rr.findings(), settings);
                    List<Finding> merged = new ArrayList<>(FindingMerger.merge(r.findings(), agent, file.text()));
                    merged.sort(Comparator.comparing(Finding::range).thenComparing(Finding::ruleId));
                    return new FileResult(r.path(), r.displayPath(), new Analysis(file, merged, r.analysis().model()),
                            null);
                }));
            }
            List<FileResult> out = new ArrayList<>();
            for (Future<FileResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    say(err, "archlens: agent review failed: " + e.getCause());
                }
            }
            boolean none = reviewed.get() == 0 && firstFailure.get() != null;
            return new Outcome(out, none ? firstFailure.get() : null);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(ReviewResult r) {
        return switch (r.status()) {
            case OK -> r.message();
            case SKIPPED -> "skipped: " + r.message();
            case CANCELLED -> "cancelled";
            case FAILED -> "failed: " + r.message();
        };
    }

    private static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
