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

    public static boolean stillValid(SourceFile original, String fixed) {
        String path = original.path().toLowerCase(Locale.ROOT);
        if (path.endsWith(".json")) {
            return !parsesAsJson(original.text()) || parsesAsJson(fixed);
        }
        FileKind kind = original.kind();
        if (kind.isYaml() || path.endsWith(".yml") || path.endsWith(".yaml")) {
            return yamlProblems(original, fixed) <= yamlProblems(original, original.text());
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
