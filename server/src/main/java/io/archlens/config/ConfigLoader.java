package io.archlens.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Loads {@code .archlens.yml} (or {@code .archlens.yaml}) from a workspace root. */
public final class ConfigLoader {
    public static final String FILE_NAME = ".archlens.yml";

    private ConfigLoader() {
    }

    /** The result of loading: settings (defaults when absent) and an error message when the file is bad. */
    public record Loaded(Settings settings, Path file, String error) {
    }

    public static Loaded load(Path root) {
        if (root == null) {
            return new Loaded(Settings.DEFAULTS, null, null);
        }
        for (String name : new String[] {FILE_NAME, ".archlens.yaml"}) {
            Path f = root.resolve(name);
            if (Files.isRegularFile(f)) {
                try {
                    return new Loaded(parse(Files.readString(f, StandardCharsets.UTF_8)), f, null);
                } catch (IOException | RuntimeException e) {
                    return new Loaded(Settings.DEFAULTS, f, name + ": " + e.getMessage());
                }
            }
        }
        return new Loaded(Settings.DEFAULTS, null, null);
    }

    public static Settings parse(String yaml) {
        LoadSettings ls = LoadSettings.builder().setMaxAliasesForCollections(50).setAllowDuplicateKeys(false)
                .setLabel(FILE_NAME).build();
        Object doc = new Load(ls).loadFromString(yaml);
        if (doc == null) {
            return Settings.DEFAULTS;
        }
        if (!(doc instanceof Map)) {
            throw new IllegalArgumentException("expected a mapping at the top level");
        }
        return Settings.fromMap(Maps.map(doc));
    }
}
