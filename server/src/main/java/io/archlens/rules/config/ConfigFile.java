package io.archlens.rules.config;

import io.archlens.syntax.yaml.YamlFile;
import java.util.List;

/** The model of {@code .archlens.yml}: its YAML and the mistakes {@link ConfigSchema} found in it. */
record ConfigFile(YamlFile yaml, List<ConfigProblem> problems) {
    ConfigFile {
        problems = List.copyOf(problems);
    }
}
