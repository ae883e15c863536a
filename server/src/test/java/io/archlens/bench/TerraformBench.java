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
        Path tree = moduleTree(stack);
        Path first = tree.resolve("part_00.tf");
        InfraBenchSupport.time("terraform: one file of a 30-file module with 5 local module calls",
                new SourceFile(first.toUri().toString(), first.toString(), Files.readString(first), FileKind.TERRAFORM,
                        1), warm, runs);
        String big = generate(stack, 10_000);
        InfraBenchSupport.time("terraform: generated 10,000 lines",
                SourceFile.of("infra/big.tf", big, FileKind.TERRAFORM), Math.max(5, warm / 100), Math.max(20, runs / 50));
    }

    /**
     * A module of 30 files on disk: 24 holding a copy of the stack's resources (renamed), variables, locals, a
     * terraform.tfvars, and 5 files calling a local module each ({@code ./modules/db_N}: variables + an RDS
     * instance and a bucket judged with the call's arguments).
     */
    static Path moduleTree(String stack) throws java.io.IOException {
        Path root = Files.createTempDirectory("archlens-tfbench");
        int body = stack.indexOf("resource \"aws_security_group\"");
        String resources = stack.substring(body);
        for (int i = 0; i < 24; i++) {
            String suffix = "_" + i;
            Files.writeString(root.resolve(String.format("part_%02d.tf", i)),
                    resources.replaceAll("(resource \"[a-z0-9_]+\" \"[a-z0-9_]+)\"", "$1" + suffix + "\""));
        }
        Files.writeString(root.resolve("variables.tf"), "variable \"retention\" {\n  default = 7\n}\n"
                + "variable \"protect\" {\n  default = true\n}\n");
        Files.writeString(root.resolve("terraform.tfvars"), "retention = 14\n");
        for (int m = 0; m < 5; m++) {
            Path mod = Files.createDirectories(root.resolve("modules/db_" + m));
            Files.writeString(mod.resolve("variables.tf"), "variable \"deletion_protection\" {\n  default = true\n}\n"
                    + "variable \"backup_retention_period\" {\n  default = 7\n}\nvariable \"name\" {}\n");
            Files.writeString(mod.resolve("main.tf"), "resource \"aws_db_instance\" \"this\" {\n"
                    + "  identifier              = var.name\n  engine                  = \"postgres\"\n"
                    + "  storage_encrypted       = true\n  deletion_protection     = var.deletion_protection\n"
                    + "  backup_retention_period = var.backup_retention_period\n}\n");
            Files.writeString(root.resolve("db_" + m + ".tf"), "module \"db_" + m + "\" {\n  source = \"./modules/db_"
                    + m + "\"\n  name = \"db-" + m + "\"\n  deletion_protection = var.protect\n"
                    + "  backup_retention_period = local.retention\n}\n");
        }
        Files.writeString(root.resolve("locals.tf"), "locals {\n  retention = var.retention\n}\n");
        return root;
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
