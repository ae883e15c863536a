package io.archlens.rules.config;

import io.archlens.analysis.Category;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.util.List;

/**
 * {@code .archlens.yml} itself: wrong types and unknown values ({@code config/invalid-value}, which makes
 * {@code check} exit 2), rule ids no rule has ({@code config/unknown-rule}) and keys ArchLens does not read
 * ({@code config/unknown-key}), with a quick fix when a known name is a near miss.
 */
public final class ConfigPack implements RulePack<ConfigFile> {
    public static final RuleMeta INVALID_VALUE = RuleMeta.of("config/invalid-value",
            "A setting has a value ArchLens cannot use", Severity.ERROR, Category.RELIABILITY,
            FileKind.ARCHLENS_CONFIG);
    public static final RuleMeta UNKNOWN_RULE = RuleMeta.of("config/unknown-rule",
            "The settings name a rule that does not exist", Severity.WARNING, Category.MAINTAINABILITY,
            FileKind.ARCHLENS_CONFIG).withFix();
    public static final RuleMeta UNKNOWN_KEY = RuleMeta.of("config/unknown-key",
            "The settings hold a key ArchLens does not read", Severity.WARNING, Category.MAINTAINABILITY,
            FileKind.ARCHLENS_CONFIG).withFix();

    private static final List<Rule<ConfigFile>> RULES = List.of(
            new Reported(INVALID_VALUE), new Reported(UNKNOWN_RULE), new Reported(UNKNOWN_KEY));

    @Override
    public FileKind kind() {
        return FileKind.ARCHLENS_CONFIG;
    }

    @Override
    public Parser<ConfigFile> parser() {
        return file -> {
            Parsed<YamlFile> yaml = YamlParser.parse(file);
            List<ConfigProblem> problems = new ConfigSchema(RuleBook.loadDefault().allRules()).check(yaml.model());
            return new Parsed<>(new ConfigFile(yaml.model(), problems), yaml.issues());
        };
    }

    @Override
    public List<Rule<ConfigFile>> rules() {
        return RULES;
    }

    /** Reports the schema's problems of one rule (the schema walks the file once for all three). */
    private record Reported(RuleMeta meta) implements Rule<ConfigFile> {
        @Override
        public void check(ConfigFile model, RuleContext ctx) {
            for (ConfigProblem p : model.problems()) {
                if (p.rule().equals(meta)) {
                    ctx.report(p.range(), p.message(), p.fixes(), List.of());
                }
            }
        }
    }
}
