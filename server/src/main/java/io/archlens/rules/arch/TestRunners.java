package io.archlens.rules.arch;

import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.regex.Pattern;

/**
 * Workloads that run a test suite or a load generator (a Playwright or Cypress container, {@code go test},
 * {@code pytest}, k6...), judged by the workload's name, command, Dockerfile command and base image: they run test
 * code, which is not among the code facts, so what the application code under their build context reads says
 * nothing about them.
 */
final class TestRunners {
    private static final Pattern RUNNER = Pattern.compile("(?i)\\b(playwright|cypress|selenium|pytest|jest|vitest|mocha"
            + "|k6|locust|newman|e2e|integration[-_]?tests?|go test|npm test|npm run test|yarn test)\\b");

    private TestRunners() {
    }

    static boolean runsTests(Node n) {
        ImageSpec img = SystemModel.dockerfile(n);
        String where = n.name() + " " + (n.main() == null || n.main().commandLine() == null ? ""
                : n.main().commandLine()) + " " + (img == null || img.command() == null ? "" : img.command().text())
                + " " + (img == null || img.baseImage() == null ? "" : img.baseImage());
        return RUNNER.matcher(where).find();
    }
}
