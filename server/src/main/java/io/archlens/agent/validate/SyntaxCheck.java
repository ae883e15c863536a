package io.archlens.agent.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dockerfile.DockerfileParser;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import io.archlens.syntax.dotenv.DotenvParser;
import io.archlens.syntax.hcl.HclParser;
import io.archlens.syntax.nginx.NginxParser;
import io.archlens.syntax.spring.PropertiesParser;
import io.archlens.syntax.sql.SqlParser;
import io.archlens.syntax.yaml.YamlParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Properties;

/**
 * Does a fixed text still parse as well as the original did? "As well" means the kind's own parser reports no
 * more problems (syntax errors, duplicate keys, parts it could not analyse) for the fixed text than for the
 * original: YAML kinds with the project's YAML parser, JSON files with Jackson, Dockerfiles, nginx, SQL,
 * Terraform (HCL) and properties files with their parsers (properties also with {@link Properties}), .env files
 * by their invalid lines and quoting errors. Kinds without a parser (source code) are not checked here.
 */
public final class SyntaxCheck {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DockerfileParser DOCKERFILE = new DockerfileParser();
    /** What a parser that throws anyway counts as: more problems than any original has. */
    private static final int BROKEN = Integer.MAX_VALUE;

    private SyntaxCheck() {
    }

    /** The original file, with its own parse result computed once (several fixes are checked against it). */
    public static final class Baseline {
        private final SourceFile original;
        private Integer problems;

        public Baseline(SourceFile original) {
            this.original = original;
        }

        synchronized int problems() {
            if (problems == null) {
                problems = SyntaxCheck.problems(original, original.text());
            }
            return problems;
        }
    }

    public static boolean stillValid(SourceFile original, String fixed) {
        return stillValid(new Baseline(original), fixed);
    }

    public static boolean stillValid(Baseline base, String fixed) {
        int after = problems(base.original, fixed);
        return after == 0 || (after != BROKEN && after <= base.problems());
    }

    /** How many parse problems {@code text} has when read as {@code like}'s kind; 0 for kinds without a parser. */
    static int problems(SourceFile like, String text) {
        SourceFile f = new SourceFile(like.uri(), like.path(), text, like.kind(), like.version());
        String path = like.path().toLowerCase(Locale.ROOT);
        try {
            if (path.endsWith(".json")) {
                return parsesAsJson(text) ? 0 : 1;
            }
            FileKind kind = like.kind();
            if (kind.isYaml() || path.endsWith(".yml") || path.endsWith(".yaml")) {
                return count(YamlParser.parse(f));
            }
            return switch (kind) {
                case DOCKERFILE -> count(DOCKERFILE.parse(f));
                case NGINX -> count(NginxParser.parse(text));
                case SQL -> count(SqlParser.parse(f));
                case TERRAFORM -> count(HclParser.parse(text));
                case SPRING_PROPERTIES -> count(PropertiesParser.parse(f)) + (parsesAsProperties(text) ? 0 : 1);
                case DOTENV -> dotenvProblems(DotenvParser.parse(text).model());
                default -> path.endsWith(".properties") ? (parsesAsProperties(text) ? 0 : 1) : 0;
            };
        } catch (RuntimeException | StackOverflowError e) {
            return BROKEN;
        }
    }

    private static int count(Parsed<?> parsed) {
        return parsed.issues().size();
    }

    private static int dotenvProblems(DotenvFile env) {
        int n = env.invalidLines().size();
        for (DotenvEntry e : env.entries()) {
            if (e.problem() != DotenvEntry.QuoteProblem.NONE) {
                n++;
            }
        }
        return n;
    }

    static boolean parsesAsJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean parsesAsProperties(String text) {
        try {
            new Properties().load(new StringReader(text));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
