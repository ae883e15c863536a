package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.rules.openapi.BigSpecs;

/**
 * Rule-book analysis time of OpenAPI documents (parse, model, $ref resolution, every openapi/* rule): the
 * realistic shop API fixture (about 390 lines), and generated 1 MB and 10 MB specs in YAML and JSON. Not a
 * JUnit test: from {@code server/} run
 * {@code java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.OpenApiBench}.
 * Optional arguments: measured runs (default 2000), warm-up runs (default 2000), largest generated spec in MB (1 or
 * 10, default 10). The 1 MB specs are also timed with profile strict (every openapi/* rule).
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
        int largest = InfraBenchSupport.arg(args, 2, 10);
        for (int mb : new int[] {1, 10}) {
            if (mb > largest) {
                break;
            }
            int reps = mb == 1 ? 20 : 5;
            SourceFile yaml = SourceFile.of("big.yaml", BigSpecs.yaml(mb * 1024 * 1024), FileKind.OPENAPI);
            SourceFile json = SourceFile.of("big.json", BigSpecs.json(mb * 1024 * 1024), FileKind.OPENAPI);
            InfraBenchSupport.time("openapi: generated " + mb + " MB YAML", yaml, 3, reps);
            InfraBenchSupport.time("openapi: generated " + mb + " MB JSON", json, 3, reps);
            if (mb == 1) {
                InfraBenchSupport.time("openapi: generated 1 MB YAML (strict)", yaml, 3, reps, InfraBenchSupport.STRICT);
                InfraBenchSupport.time("openapi: generated 1 MB JSON (strict)", json, 3, reps, InfraBenchSupport.STRICT);
            }
        }
    }
}
