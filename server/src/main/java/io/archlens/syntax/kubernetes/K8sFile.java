package io.archlens.syntax.kubernetes;

import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import java.util.List;

/**
 * A Kubernetes manifest file: the complete objects found in it (items of a {@code kind: List} included;
 * kustomize patches and kustomizations left out), and an edit builder in the file's own style.
 */
public record K8sFile(YamlFile yaml, List<K8sObject> objects, YamlEdits edits) {
    public K8sFile {
        objects = List.copyOf(objects);
    }

    /** The first object of the given kind and name, or null. */
    public K8sObject find(String kind, String name) {
        for (K8sObject o : objects) {
            if (kind.equals(o.kind()) && name != null && name.equals(o.name())) {
                return o;
            }
        }
        return null;
    }
}
