package io.archlens.testing;

import io.archlens.analysis.Finding;
import io.archlens.model.ProjectRule;
import io.archlens.workspace.BatchAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Developer tool (not a test): rewrites the arch/ markers of a system fixture folder from the actual findings and
 * prints each finding's message, for review. Usage: SystemFixtureAnnotator FOLDER [--write]
 */
public final class SystemFixtureAnnotator {
    private SystemFixtureAnnotator() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        boolean write = args.length > 1 && args[1].equals("--write");
        for (BatchAnalyzer.FileResult r : SystemFixtureTest.run(root)) {
            if (r.analysis() == null) {
                continue;
            }
            List<Finding> cross = r.findings().stream()
                    .filter(f -> f.ruleId().startsWith(ProjectRule.PREFIX + "/")).toList();
            String text = r.analysis().file().text();
            boolean hadMarks = !Fixtures.expected(text).isEmpty();
            if (cross.isEmpty() && !hadMarks) {
                continue;
            }
            var li = r.analysis().file().lines();
            for (Finding f : cross) {
                System.out.println(r.displayPath() + ":" + (li.position(f.range().start()).line() + 1) + " " + f.ruleId()
                        + " " + f.message());
                for (var rel : f.related()) {
                    System.out.println("      -> " + rel.uri().replaceAll(".*/system/[^/]+/", "") + ":"
                            + (rel.start().line() + 1) + " " + rel.message());
                }
            }
            if (write) {
                String out = Fixtures.annotate(text, Fixtures.actual(r.analysis().file(), cross), r.analysis().file().kind());
                if (text.endsWith("\n") && !out.endsWith("\n")) {
                    out += "\n";
                }
                Files.writeString(r.path(), out);
            }
        }
    }
}
