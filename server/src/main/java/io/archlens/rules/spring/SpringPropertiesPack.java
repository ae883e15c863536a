package io.archlens.rules.spring;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringConfigParser;
import java.util.List;

/** Spring Boot {@code application*.properties}; the same rules as {@link SpringYamlPack}. */
public final class SpringPropertiesPack implements RulePack<SpringConfig> {
    @Override
    public FileKind kind() {
        return FileKind.SPRING_PROPERTIES;
    }

    @Override
    public Parser<SpringConfig> parser() {
        return SpringConfigParser::parseProperties;
    }

    @Override
    public List<Rule<SpringConfig>> rules() {
        return SpringRules.ALL;
    }
}
