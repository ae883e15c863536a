package io.archlens.syntax.kubernetes;

import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod spec inside a workload. {@code template} is the mapping holding {@code metadata} and {@code spec}
 * (the object itself for a Pod); {@code labels} are the template's labels (null when absent).
 */
public record PodTemplate(YMap template, YMap spec, YMap labels, List<Container> containers,
        List<Container> initContainers) {

    public PodTemplate {
        containers = List.copyOf(containers);
        initContainers = List.copyOf(initContainers);
    }

    public List<Container> all() {
        List<Container> out = new ArrayList<>(initContainers);
        out.addAll(containers);
        return out;
    }

    /** The pod-level securityContext, or null. */
    public YMap securityContext() {
        return spec.get("securityContext") instanceof YMap m ? m : null;
    }

    /** Locates the pod template of a workload root; null when the object has none (or is partial). */
    static PodTemplate locate(String kind, YMap root) {
        YNode templ;
        switch (kind) {
            case "Pod" -> templ = root;
            case "CronJob" -> templ = root.at("spec", "jobTemplate", "spec", "template");
            default -> templ = root.at("spec", "template");
        }
        if (!(templ instanceof YMap t) || !(t.get("spec") instanceof YMap spec)) {
            return null;
        }
        YMap labels = t.at("metadata", "labels") instanceof YMap l ? l : null;
        return new PodTemplate(t, spec, labels, Container.list(spec.get("containers"), false),
                Container.list(spec.get("initContainers"), true));
    }
}
