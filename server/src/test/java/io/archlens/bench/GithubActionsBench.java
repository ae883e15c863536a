package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;

/**
 * Rule-book analysis time of GitHub Actions workflows (YAML parse, workflow model, every gha/* rule): the
 * realistic CI and deploy workflow fixtures, and a generated workflow with 300 jobs. Not a JUnit test: from
 * {@code server/} run
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.GithubActionsBench}.
 * Optional arguments: measured runs (default 3000), warm-up runs (default 3000).
 */
public final class GithubActionsBench {
    private GithubActionsBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = InfraBenchSupport.arg(args, 0, 3000);
        int warm = InfraBenchSupport.arg(args, 1, 3000);
        for (String name : new String[] {"ci.yml", "deploy.yml"}) {
            String text = InfraBenchSupport.fixture("github-actions/realistic/.github/workflows/" + name);
            InfraBenchSupport.time("github-actions: realistic " + name,
                    SourceFile.of(".github/workflows/" + name, text, FileKind.GITHUB_ACTIONS), warm, runs);
        }
        InfraBenchSupport.time("github-actions: generated 300 jobs",
                SourceFile.of(".github/workflows/big.yml", generate(300), FileKind.GITHUB_ACTIONS),
                Math.max(10, warm / 50), Math.max(50, runs / 20));
    }

    /** A matrix-less workflow with {@code jobs} jobs of 8 steps each, some flawed. */
    static String generate(int jobs) {
        StringBuilder sb = new StringBuilder("name: big\non:\n  push:\n    branches: [main]\n  pull_request:\n")
                .append("permissions:\n  contents: read\njobs:\n");
        for (int j = 0; j < jobs; j++) {
            sb.append("  job").append(j).append(":\n    runs-on: ubuntu-latest\n");
            if (j % 3 != 0) {
                sb.append("    timeout-minutes: 20\n");
            }
            sb.append("    steps:\n")
                    .append("      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n")
                    .append("        with:\n          persist-credentials: false\n")
                    .append("      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n")
                    .append("      - uses: actions/cache@1bd1e32a3bdc45362d1e726936510720a7c30a57 # v4.2.0\n")
                    .append("        with:\n          path: node_modules\n")
                    .append("          key: node-${{ runner.os }}-${{ hashFiles('package-lock.json') }}\n")
                    .append("      - run: npm ci\n")
                    .append("      - name: Test\n        run: |\n          npm test -- --shard=").append(j)
                    .append("\n          echo \"done ${{ github.sha }}\"\n")
                    .append("      - name: Title\n        run: echo \"${{ github.event.pull_request.title }}\"\n")
                    .append("      - uses: actions/upload-artifact@v4\n        with:\n          name: report-").append(j)
                    .append("\n          path: report/\n");
        }
        return sb.toString();
    }
}
