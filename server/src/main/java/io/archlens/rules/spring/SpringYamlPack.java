package io.archlens.rules.spring;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringConfigParser;
import java.util.List;

/** Spring Boot {@code application*.yml}; the same rules as {@link SpringPropertiesPack}. */
public final class SpringYamlPack implements RulePack<SpringConfig> {
    @Override
    public FileKind kind() {
        return FileKind.SPRING_YAML;
    }

    @Override
    public Parser<SpringConfig> parser() {
        return SpringConfigParser::parseYaml;
    }

    @Override
    public List<Rule<SpringConfig>> rules() {
        return SpringRules.ALL;
    }
}
