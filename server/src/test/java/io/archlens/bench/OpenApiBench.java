package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.rules.openapi.BigSpecs;

/**
 * Rule-book analysis time of OpenAPI documents (parse, model, $ref resolution, every openapi/* rule): the
 * realistic shop API fixture (about 390 lines), and generated 1 MB and 10 MB specs in YAML and JSON. Not a
 * JUnit test: from {@code server/} run
 * {@code java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.OpenApiBench}.
 * Optional arguments: measured runs (default 2000), warm-up runs (default 2000).
 */
public final class OpenApiBench {
    private OpenApiBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = InfraBenchSupport.arg(args, 0, 2000);
        int warm = InfraBenchSupport.arg(args, 1, 2000);
        String shop = InfraBenchSupport.fixture("openapi/realistic/openapi.yaml");
        InfraBenchSupport.time("openapi: realistic shop API (YAML)",
                SourceFile.of("openapi.yaml", shop, FileKind.OPENAPI), warm, runs);
        for (int mb : new int[] {1, 10}) {
            int reps = mb == 1 ? 20 : 5;
            InfraBenchSupport.time("openapi: generated " + mb + " MB YAML",
                    SourceFile.of("big.yaml", BigSpecs.yaml(mb * 1024 * 1024), FileKind.OPENAPI), 3, reps);
            InfraBenchSupport.time("openapi: generated " + mb + " MB JSON",
                    SourceFile.of("big.json", BigSpecs.json(mb * 1024 * 1024), FileKind.OPENAPI), 3, reps);
        }
    }
}
