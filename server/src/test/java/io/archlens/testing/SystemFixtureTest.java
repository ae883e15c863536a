package io.archlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.model.ProjectRule;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.FileWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each folder under fixtures/system/ is a small workspace. The cross-file findings ({@code arch/} rules) of every
 * file must equal the {@code arch/} markers written in it; per-file findings are the single-file fixtures' job.
 */
class SystemFixtureTest {
    @TestFactory
    Stream<DynamicTest> everyWorkspaceMatchesItsMarkers() throws IOException {
        Path dir = Fixtures.systemFixturesDir();
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> cases = s.filter(Files::isDirectory).sorted().toList();
            return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
        }
    }

    /** Runs the CLI engine over one workspace folder; returns the results by display path. */
    public static List<BatchAnalyzer.FileResult> run(Path root) {
        try {
            Settings settings = ConfigLoader.load(root).settings();
            List<Path> files = FileWalker.walk(root, root, settings);
            return new BatchAnalyzer(RuleBook.loadDefault(), settings, root, (m, e) -> {
                throw new AssertionError(m, e);
            }).analyze(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(Path root) throws IOException {
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        StringBuilder annotated = new StringBuilder();
        for (BatchAnalyzer.FileResult r : run(root)) {
            if (r.analysis() == null) {
                continue;
            }
            String text = r.analysis().file().text();
            List<Fixtures.Mark> exp = arch(Fixtures.expected(text));
            List<Finding> cross = r.findings().stream().filter(f -> f.ruleId().startsWith(ProjectRule.PREFIX + "/"))
                    .collect(Collectors.toList());
            List<Fixtures.Mark> act = arch(Fixtures.actual(r.analysis().file(), cross));
            expected.append(render(r.displayPath(), exp));
            actual.append(render(r.displayPath(), act));
            if (!exp.equals(act)) {
                annotated.append("--- ").append(r.displayPath()).append('\n')
                        .append(Fixtures.annotate(text, act, r.analysis().file().kind())).append('\n');
                for (Finding f : cross) {
                    annotated.append("   ").append(f.ruleId()).append(": ").append(f.message()).append('\n');
                }
            }
        }
        assertEquals(expected.toString(), actual.toString(), "cross-file findings differ in " + root.getFileName()
                + "\n" + annotated);
    }

    private static List<Fixtures.Mark> arch(List<Fixtures.Mark> marks) {
        List<Fixtures.Mark> out = new ArrayList<>();
        for (Fixtures.Mark m : marks) {
            if (m.ruleId().startsWith(ProjectRule.PREFIX + "/")) {
                out.add(m);
            }
        }
        return out;
    }

    private static String render(String path, List<Fixtures.Mark> marks) {
        StringBuilder sb = new StringBuilder();
        for (Fixtures.Mark m : marks) {
            sb.append(path).append(' ').append(m).append('\n');
        }
        return sb.toString();
    }
}
