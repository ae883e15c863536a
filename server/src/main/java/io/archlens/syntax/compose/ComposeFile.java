package io.archlens.syntax.compose;

import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import java.util.List;

/**
 * A Compose file: the YAML stream, its root mapping (null when the file has none), the services in source
 * order and the top-level sections. {@code edits} builds fixes in the file's own style.
 */
public record ComposeFile(YamlFile yaml, YMap root, List<ComposeService> services, YEntry version, YMap volumes,
        YMap networks, YMap secrets, YamlEdits edits) {

    public ComposeFile {
        services = List.copyOf(services);
    }

    public ComposeService service(String name) {
        for (ComposeService s : services) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
