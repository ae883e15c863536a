package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * .env analysis time: the example shop files as written, and a generated 20,000-line file mixing plain
 * settings, URLs, quoted and multi-line values, placeholders and a few secrets.
 * Run from {@code server/}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.DotenvBench}
 */
public final class DotenvBench {
    private DotenvBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Fixtures.repoRoot().resolve("examples/shop");
        BenchSupport.measure("examples/shop/.env",
                SourceFile.of(".env", Files.readString(root.resolve(".env")), FileKind.DOTENV), 5000, 5000);
        BenchSupport.measure("examples/shop/.env.example",
                SourceFile.of(".env.example", Files.readString(root.resolve(".env.example")), FileKind.DOTENV), 5000,
                5000);
        BenchSupport.measure("generated .env (20,000 lines)",
                SourceFile.of(".env.production", generate(20_000), FileKind.DOTENV), 20, 50);
    }

    static String generate(int lines) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (n < lines) {
            int k = n;
            switch (k % 10) {
                case 0 -> sb.append("# section ").append(k).append('\n');
                case 1 -> sb.append("SERVICE_").append(k).append("_HOST=svc-").append(k).append(".internal\n");
                case 2 -> sb.append("SERVICE_").append(k).append("_PORT=").append(8000 + k % 1000).append('\n');
                case 3 -> sb.append("SERVICE_").append(k).append("_URL=https://svc-").append(k)
                        .append(".internal/api/v1\n");
                case 4 -> sb.append("FEATURE_").append(k).append("_ENABLED=").append(k % 20 == 4).append('\n');
                case 5 -> sb.append("SERVICE_").append(k).append("_PASSWORD=${SERVICE_").append(k).append("_PASSWORD}\n");
                case 6 -> sb.append("GREETING_").append(k).append("=\"Hello, world \\\"").append(k).append("\\\"\"\n");
                case 7 -> sb.append("DB_").append(k).append("_URL=postgres://app:${DB_PASSWORD}@db:5432/app").append(k)
                        .append('\n');
                case 8 -> sb.append(k % 400 == 8 ? "TOKEN_" + k + "=ghp_FAKE0EXAMPLE0TOKEN0a1B2c3D4e5F6g7H8i\n"
                        : "LABEL_" + k + "='some label " + k + "'\n");
                default -> sb.append(k % 1000 == 9 ? "CERT_" + k + "=\"line one\nline two\nline three\"\n"
                        : "TIMEOUT_" + k + "_MS=" + (k * 7 % 5000) + '\n');
            }
            n += sb.charAt(sb.length() - 2) == '"' && k % 1000 == 9 ? 3 : 1;
        }
        return sb.toString();
    }
}
