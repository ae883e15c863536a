package io.archlens.bench;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rule-book analysis time of Terraform files (HCL parse + every tf/* rule + suppressions): the realistic
 * VPC/ALB/ECS/RDS/S3 stack of the shop example (examples/shop/infra/main.tf, about 330 lines) and a generated 10,000-line file of the same resources.
 * Not a JUnit test: from {@code server/} run
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.TerraformBench}.
 * Optional arguments: measured runs (default 2000), warm-up runs (default 2000).
 */
public final class TerraformBench {
    private TerraformBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = InfraBenchSupport.arg(args, 0, 2000);
        int warm = InfraBenchSupport.arg(args, 1, 2000);
        // the shop example's module (examples/shop/infra), run from server/ or from the repository root
        Path main = Path.of("../examples/shop/infra/main.tf");
        String stack = Files.readString(Files.exists(main) ? main : Path.of("examples/shop/infra/main.tf"));
        InfraBenchSupport.time("terraform: realistic stack (main.tf)",
                SourceFile.of("infra/main.tf", stack, FileKind.TERRAFORM), warm, runs);
        String big = generate(stack, 10_000);
        InfraBenchSupport.time("terraform: generated 10,000 lines",
                SourceFile.of("infra/big.tf", big, FileKind.TERRAFORM), Math.max(5, warm / 100), Math.max(20, runs / 50));
    }

    /** The stack's resources repeated (renamed per copy) until the file has {@code lines} lines. */
    static String generate(String stack, int lines) {
        int body = stack.indexOf("resource \"aws_security_group\"");
        String resources = stack.substring(body);
        StringBuilder sb = new StringBuilder(stack);
        int copy = 0;
        while (sb.chars().filter(c -> c == '\n').count() < lines) {
            copy++;
            String suffix = "_" + copy;
            sb.append('\n').append(resources.replaceAll("(resource \"[a-z0-9_]+\" \"[a-z0-9_]+)\"", "$1" + suffix + "\"")
                    .replaceAll("(data \"[a-z0-9_]+\" \"[a-z0-9_]+)\"", "$1" + suffix + "\""));
        }
        return sb.toString();
    }
}
