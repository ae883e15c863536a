package io.archlens.bench;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.util.Arrays;
import java.util.Locale;

/**
 * Rule-book analysis time of a realistic 200-line Dockerfile (parse + every docker/* rule + suppressions).
 * Not a JUnit test: run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.DockerfileBench}
 * from {@code server/}. Optional arguments: measured runs (default 5000), warm-up runs (default 5000).
 */
public final class DockerfileBench {
    private DockerfileBench() {
    }

    /** A multi-stage Dockerfile as a real monorepo has them, with some flaws, exactly {@code lines} lines. */
    public static String generate(int lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("# syntax=docker/dockerfile:1.7\n");
        sb.append("# Shop platform image: web assets, API and a worker in one multi-stage build.\n");
        sb.append("ARG NODE_VERSION=22\nARG GO_VERSION=1.25\n\n");
        sb.append("FROM node:${NODE_VERSION}-slim AS web\nWORKDIR /web\n");
        sb.append("COPY web/package.json web/package-lock.json ./\n");
        sb.append("RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund\n");
        sb.append("COPY web/ ./\nRUN npm run build && npm run test -- --ci\n\n");
        sb.append("FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build\nARG TARGETOS TARGETARCH\n");
        sb.append("WORKDIR /src\nCOPY go.mod go.sum ./\n");
        sb.append("RUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\n");
        int i = 0;
        while (count(sb) < lines - 40) {
            sb.append("# component ").append(i).append('\n');
            sb.append("RUN --mount=type=cache,target=/root/.cache/go-build \\\n");
            sb.append("    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\\n");
            sb.append("    go build -trimpath -ldflags=\"-s -w -X main.version=1.").append(i).append("\" \\\n");
            sb.append("    -o /out/svc").append(i).append(" ./cmd/svc").append(i).append(" && \\\n");
            sb.append("    go vet ./internal/svc").append(i).append("/... | tee /tmp/vet").append(i).append(".log\n");
            sb.append("ENV SVC").append(i).append("_PORT=").append(8000 + i).append(" SVC").append(i)
                    .append("_LOG_LEVEL=info\n");
            sb.append("LABEL com.example.svc").append(i).append(".owner=\"team-").append(i % 5).append("\"\n");
            i++;
        }
        sb.append("\nFROM debian:bookworm-slim AS runtime\n");
        sb.append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n");
        sb.append("        ca-certificates \\\n        curl \\\n        tini \\\n");
        sb.append("    && rm -rf /var/lib/apt/lists/*\n");
        sb.append("RUN groupadd --system app && useradd --system --gid app --home /app app\n");
        sb.append("WORKDIR /app\n");
        sb.append("COPY --from=build --chown=app:app /out/ /app/bin/\n");
        sb.append("COPY --from=web --chown=app:app /web/dist/ /app/public/\n");
        sb.append("COPY <<EOF /app/config.yaml\n");
        sb.append("# defaults, overridden by the environment\nlisten: :8080\nlog_level: info\nEOF\n");
        sb.append("ENV APP_ENV=production \\\n    APP_PUBLIC_DIR=/app/public\n");
        sb.append("USER app\nEXPOSE 8080\n");
        sb.append("HEALTHCHECK --interval=15s --timeout=3s CMD [\"curl\", \"-fsS\", \"http://localhost:8080/health\"]\n");
        sb.append("ENTRYPOINT [\"tini\", \"--\"]\n");
        while (count(sb) < lines - 1) {
            sb.append("# padding comment to reach the target size\n");
        }
        sb.append("CMD [\"/app/bin/svc0\", \"--config\", \"/app/config.yaml\"]\n");
        return sb.toString();
    }

    private static int count(CharSequence s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        String text = generate(200);
        SourceFile file = SourceFile.of("Dockerfile", text, FileKind.DOCKERFILE);
        RuleBook book = RuleBook.loadDefault();
        int findings = 0;
        for (int k = 0; k < warmup; k++) {
            findings = book.analyze(file, Settings.DEFAULTS).findings().size();
        }
        long[] ns = new long[runs];
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            Analysis a = book.analyze(file, Settings.DEFAULTS);
            ns[k] = System.nanoTime() - t0;
            findings = a.findings().size();
        }
        Arrays.sort(ns);
        double median = ns[runs / 2] / 1e6;
        double p95 = ns[(int) Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)] / 1e6;
        // The benchmark's own report goes to stdout on purpose: this is a command-line tool, not server code.
        System.out.printf(Locale.ROOT, "DockerfileBench: %d lines, %d chars, %d findings; %d runs after %d warm-up%n",
                count(text), text.length(), findings, runs, warmup);
        System.out.printf(Locale.ROOT, "median %.3f ms, p95 %.3f ms, min %.3f ms, max %.3f ms%n", median, p95,
                ns[0] / 1e6, ns[runs - 1] / 1e6);
    }
}
