package io.archlens.syntax.compose;

import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Compose file: the YAML stream, its root mapping (null when the file has none), the services in source
 * order and the top-level sections. {@code edits} builds fixes in the file's own style. The dependency
 * graph is indexed once, so rules stay linear in the number of services.
 */
public final class ComposeFile {
    private final YamlFile yaml;
    private final YMap root;
    private final List<ComposeService> services;
    private final YEntry version;
    private final YMap volumes;
    private final YMap networks;
    private final YMap secrets;
    private final YamlEdits edits;
    private final Map<String, ComposeService> byName = new HashMap<>();
    private final Map<String, List<String>> dependants = new LinkedHashMap<>();
    private final Set<String> completedTargets = new HashSet<>();

    public ComposeFile(YamlFile yaml, YMap root, List<ComposeService> services, YEntry version, YMap volumes,
            YMap networks, YMap secrets, YamlEdits edits) {
        this.yaml = yaml;
        this.root = root;
        this.services = List.copyOf(services);
        this.version = version;
        this.volumes = volumes;
        this.networks = networks;
        this.secrets = secrets;
        this.edits = edits;
        for (ComposeService s : this.services) {
            byName.putIfAbsent(s.name(), s);
        }
        for (ComposeService s : this.services) {
            for (ComposeService.Dependency d : s.dependencies()) {
                if (d.completed()) {
                    completedTargets.add(d.service());
                } else {
                    List<String> list = dependants.computeIfAbsent(d.service(), k -> new ArrayList<>());
                    if (!list.contains(s.name())) {
                        list.add(s.name());
                    }
                }
            }
        }
    }

    public YamlFile yaml() {
        return yaml;
    }

    public YMap root() {
        return root;
    }

    public List<ComposeService> services() {
        return services;
    }

    public YEntry version() {
        return version;
    }

    public YMap volumes() {
        return volumes;
    }

    public YMap networks() {
        return networks;
    }

    public YMap secrets() {
        return secrets;
    }

    public YamlEdits edits() {
        return edits;
    }

    public ComposeService service(String name) {
        return byName.get(name);
    }

    /** The services that depend on {@code name} without waiting for it to complete (source order). */
    public List<String> dependantsOf(String name) {
        return Collections.unmodifiableList(dependants.getOrDefault(name, List.of()));
    }

    /** True when some service waits for {@code name} with {@code service_completed_successfully}. */
    public boolean awaitedToComplete(String name) {
        return completedTargets.contains(name);
    }
}
