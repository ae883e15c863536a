package io.archlens.rules.dotenv;

import java.util.Locale;
import java.util.Set;

/**
 * What a .env file is for, from its name. Examples ({@code .env.example}, {@code .env.sample},
 * {@code .env.template}, {@code .env.dist}, {@code example.env}...) are templates committed on purpose; dev files
 * ({@code .env.development}, {@code .env.local}, {@code .env.test}...) configure a developer or CI machine.
 * Everything else ({@code .env}, {@code .env.production}, {@code .env.staging}, {@code api.env}) may run in
 * production.
 */
enum EnvFileRole {
    EXAMPLE, DEV, OTHER;

    private static final Set<String> EXAMPLE_WORDS = Set.of("example", "examples", "sample", "samples", "template",
            "tmpl", "tpl", "dist", "skel", "skeleton");
    private static final Set<String> DEV_WORDS = Set.of("dev", "development", "local", "test", "testing", "ci", "e2e",
            "develop", "debug");

    static EnvFileRole of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean dev = false;
        for (String seg : lower.split("[.\\-_]")) {
            if (EXAMPLE_WORDS.contains(seg)) {
                return EXAMPLE;
            }
            dev |= DEV_WORDS.contains(seg);
        }
        return dev ? DEV : OTHER;
    }
}
