package io.archlens.syntax.kubernetes;

import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes manifest file: the complete objects found in it (items of a {@code kind: List} included;
 * kustomize patches and kustomizations left out), and an edit builder in the file's own style.
 * {@code scalers} indexes HorizontalPodAutoscalers by the {@code Kind/name} they scale.
 */
public record K8sFile(YamlFile yaml, List<K8sObject> objects, YamlEdits edits, Map<String, K8sObject> scalers) {
    public K8sFile {
        objects = List.copyOf(objects);
        scalers = Map.copyOf(scalers);
    }

    public K8sFile(YamlFile yaml, List<K8sObject> objects, YamlEdits edits) {
        this(yaml, objects, edits, index(objects));
    }

    private static Map<String, K8sObject> index(List<K8sObject> objects) {
        Map<String, K8sObject> out = new HashMap<>();
        for (K8sObject o : objects) {
            if (o.is("HorizontalPodAutoscaler") && o.spec() != null && o.spec().get("scaleTargetRef") instanceof YMap r
                    && r.getText("kind") != null && r.getText("name") != null) {
                out.putIfAbsent(r.getText("kind").strip() + "/" + r.getText("name").strip(), o);
            }
        }
        return out;
    }

    /** The HorizontalPodAutoscaler in this file that scales {@code target}, or null. */
    public K8sObject scalerOf(K8sObject target) {
        return target.name() == null ? null : scalers.get(target.kind() + "/" + target.name());
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
