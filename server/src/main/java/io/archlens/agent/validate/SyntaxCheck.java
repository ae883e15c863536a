package io.archlens.agent.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.analysis.CoreRules;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.yaml.YamlParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Properties;

/**
 * Does a fixed text still parse as well as the original did? YAML kinds are checked with the project's YAML
 * parser (no new syntax errors or duplicate keys), JSON files with Jackson, properties files with
 * {@link Properties}. Other formats are not checked here.
 */
public final class SyntaxCheck {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SyntaxCheck() {
    }

    /** The original file, with its own parse result computed once (several fixes are checked against it). */
    public static final class Baseline {
        private final SourceFile original;
        private Integer yamlProblems;
        private Boolean json;

        public Baseline(SourceFile original) {
            this.original = original;
        }

        synchronized int yamlProblems() {
            if (yamlProblems == null) {
                yamlProblems = SyntaxCheck.yamlProblems(original, original.text());
            }
            return yamlProblems;
        }

        synchronized boolean json() {
            if (json == null) {
                json = parsesAsJson(original.text());
            }
            return json;
        }
    }

    public static boolean stillValid(SourceFile original, String fixed) {
        return stillValid(new Baseline(original), fixed);
    }

    public static boolean stillValid(Baseline base, String fixed) {
        SourceFile original = base.original;
        String path = original.path().toLowerCase(Locale.ROOT);
        if (path.endsWith(".json")) {
            return !base.json() || parsesAsJson(fixed);
        }
        FileKind kind = original.kind();
        if (kind.isYaml() || path.endsWith(".yml") || path.endsWith(".yaml")) {
            int after = yamlProblems(original, fixed);
            return after == 0 || after <= base.yamlProblems();
        }
        if (kind == FileKind.SPRING_PROPERTIES || path.endsWith(".properties")) {
            return parsesAsProperties(fixed);
        }
        return true;
    }

    private static int yamlProblems(SourceFile like, String text) {
        int n = 0;
        for (ParseIssue pi : YamlParser.parse(new SourceFile(like.uri(), like.path(), text, like.kind(), like.version()))
                .issues()) {
            if (pi.ruleId().equals(CoreRules.SYNTAX_ERROR.id()) || pi.ruleId().equals(CoreRules.DUPLICATE_KEY.id())) {
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
