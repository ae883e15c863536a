package io.archlens.syntax.spring;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;

/** Entry point: the one Spring configuration model from either syntax. */
public final class SpringConfigParser {
    private SpringConfigParser() {
    }

    public static Parsed<SpringConfig> parseProperties(SourceFile file) {
        return PropertiesParser.parse(file);
    }

    public static Parsed<SpringConfig> parseYaml(SourceFile file) {
        return SpringYamlReader.parse(file);
    }

    /** By file name: {@code .properties} or YAML. */
    public static Parsed<SpringConfig> parse(SourceFile file) {
        return file.name().toLowerCase(java.util.Locale.ROOT).endsWith(".properties") ? parseProperties(file)
                : parseYaml(file);
    }
}
