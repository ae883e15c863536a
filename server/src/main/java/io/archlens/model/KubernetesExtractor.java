package io.archlens.model;

import io.archlens.secrets.SecretFingerprints;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.ConfigObject;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.EnvVar;
import io.archlens.model.Facts.Hpa;
import io.archlens.model.Facts.IngressBackend;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.ObjectRef;
import io.archlens.model.Facts.Pdb;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Port;
import io.archlens.model.Facts.Probe;
import io.archlens.model.Facts.SecretUse;
import io.archlens.model.Facts.ServicePort;
import io.archlens.model.Facts.Workload;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes objects: workloads (pod labels, containers, ports, env, probes, requests, replicas), Services,
 * Ingress backends, HPAs, PDBs, ConfigMaps and Secrets. Reads the YAML model, so it works with any pack model
 * that exposes one.
 */
final class KubernetesExtractor implements FactExtractor {
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job", "CronJob", "Pod", "DeploymentConfig");

    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.KUBERNETES);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        YamlFile yaml = yamlOf(model);
        if (yaml == null) {
            yaml = YamlParser.parse(file).model();
        }
        List<String> with = io.archlens.syntax.kubernetes.KustomizeOverlays.listedWith(file);
        if (with != null) {
            Loc top = out.loc(TextRange.empty(0));
            out.ref(new Facts.FileRef(Facts.FileRef.Kind.KUSTOMIZE_BASE, Paths.parent(file.path()), top, true));
            for (String r : with) {
                out.ref(new Facts.FileRef(Facts.FileRef.Kind.KUSTOMIZE_RESOURCE, Paths.resolve(Paths.parent(file.path()), r),
                        top, true));
            }
        }
        for (YamlDocument d : yaml.documents()) {
            if (!(d.root() instanceof YMap root)) {
                continue;
            }
            if ("List".equals(Y.str(root.get("kind")))) {
                for (YNode item : Y.seq(root.get("items"))) {
                    if (item instanceof YMap m) {
                        object(file, m, out);
                    }
                }
            } else {
                object(file, root, out);
            }
        }
    }

    /** The YAML stream of the Kubernetes pack's model (or a bare YAML model). */
    static YamlFile yamlOf(Object model) {
        if (model instanceof io.archlens.syntax.kubernetes.K8sFile k) {
            return k.yaml();
        }
        return model instanceof YamlFile y ? y : null;
    }

    private static void object(SourceFile file, YMap root, FileFacts.Builder out) {
        String kind = Y.str(root.get("kind"));
        if (kind == null) {
            return;
        }
        YMap meta = Y.map(root.get("metadata"));
        String name = meta == null ? null : Y.str(meta.get("name"));
        if (name == null) {
            return;
        }
        String ns = meta.get("namespace") == null ? "default" : Y.str(meta.get("namespace"));
        if (ns == null) {
            ns = "default";
        }
        Loc nameLoc = out.loc(meta.get("name").range());
        YMap spec = Y.map(root.get("spec"));
        if (WORKLOADS.contains(kind)) {
            workload(file, root, kind, name, ns, nameLoc, spec, out);
            return;
        }
        switch (kind) {
            case "Service" -> service(name, ns, nameLoc, spec, out);
            case "Ingress" -> ingress(name, ns, spec, out);
            case "HorizontalPodAutoscaler" -> hpa(root, name, ns, nameLoc, spec, out);
            case "PodDisruptionBudget" -> out.pdb(new Pdb(ns, name, nameLoc,
                    Y.strings(Y.at(spec, "selector", "matchLabels"))));
            case "ConfigMap", "Secret", "ServiceAccount" -> configObject(root, kind, name, ns, nameLoc, out);
            case "NetworkPolicy" -> netPolicy(name, ns, nameLoc, spec, out);
            default -> {
                String api = Y.str(root.get("apiVersion"));
                if (custom(api)) {
                    out.customResource(new Facts.CustomResource(ns, api, kind, name, nameLoc));
                }
            }
        }
    }

    private static void workload(SourceFile file, YMap root, String kind, String name, String ns, Loc nameLoc,
            YMap spec, FileFacts.Builder out) {
        YNode template = switch (kind) {
            case "Pod" -> root;
            case "CronJob" -> Y.at(root, "spec", "jobTemplate", "spec", "template");
            default -> Y.at(root, "spec", "template");
        };
        YMap podSpec = Y.map(Y.at(template, "spec"));
        Map<String, String> labels = Y.strings(Y.at(template, "metadata", "labels"));
        if (kind.equals("Job") && name != null) {
            // the Job controller labels its pods with the Job's name (a Service may select them by it)
            labels = new java.util.LinkedHashMap<>(labels);
            labels.putIfAbsent("job-name", name);
            labels.putIfAbsent("batch.kubernetes.io/job-name", name);
        }
        List<Container> containers = new ArrayList<>();
        List<ObjectRef> volumeRefs = new ArrayList<>();
        if (podSpec != null) {
            for (YNode v : Y.seq(podSpec.get("volumes"))) {
                ref(Y.at(v, "configMap", "name"), "ConfigMap", Y.at(v, "configMap"), volumeRefs, out);
                ref(Y.at(v, "secret", "secretName"), "Secret", Y.at(v, "secret"), volumeRefs, out);
            }
            YNode sa = podSpec.get("serviceAccountName") != null ? podSpec.get("serviceAccountName")
                    : podSpec.get("serviceAccount");
            ref(sa, "ServiceAccount", null, volumeRefs, out); // pod-level references go with the first container
            boolean first = true;
            for (YNode c : Y.seq(podSpec.get("containers"))) {
                if (c instanceof YMap cm) {
                    containers.add(container(cm, first ? volumeRefs : List.of(), out));
                    first = false;
                }
            }
        }
        Integer replicas = null;
        Loc replicasLoc = null;
        if (spec != null && spec.get("replicas") != null && Y.integer(spec.get("replicas")) != null) {
            replicas = Y.integer(spec.get("replicas"));
            replicasLoc = out.loc(spec.get("replicas").range());
        } else if (kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("ReplicaSet")
                || kind.equals("Pod")) {
            replicas = 1;
        }
        // a kustomize base: what the overlays deploy counts (the pool arithmetic wants the largest replica count)
        for (io.archlens.syntax.kubernetes.KustomizeOverlays.Overlay ov
                : io.archlens.syntax.kubernetes.KustomizeOverlays.of(file)) {
            Long n = ov.deployedReplicas(kind, name);
            if (n != null && n <= Integer.MAX_VALUE && (replicas == null || n > replicas)) {
                replicas = n.intValue();
                replicasLoc = null; // the count is written in the overlay, not here
            }
        }
        out.workload(new Workload(Platform.KUBERNETES, ns, kind, name, nameLoc, containers, labels, replicas,
                replicasLoc, false, null, null, List.of(), List.of(), List.of()));
    }

    /** API groups of the Kubernetes distribution itself (and kustomize's): their kinds are no operator's. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("apps", "batch", "policy", "autoscaling", "extensions");

    /** True for the apiVersion of a custom resource: a group with a dot that is not a {@code *.k8s.io} group. */
    static boolean custom(String apiVersion) {
        if (apiVersion == null || !apiVersion.contains("/")) {
            return false;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return group.contains(".") && !group.endsWith(".k8s.io") && !BUILT_IN_GROUPS.contains(group)
                && !group.startsWith("kustomize.config");
    }

    /** A reference by name; {@code holder} is the mapping with {@code key} and {@code optional}, when there is one. */
    private static void ref(YNode nameNode, String kind, YNode holder, List<ObjectRef> refs, FileFacts.Builder out) {
        String n = Y.str(nameNode);
        if (n != null) {
            YNode optional = Y.at(holder, "optional");
            refs.add(new ObjectRef(kind, n.strip(), out.loc(nameNode.range()), Y.str(Y.at(holder, "key")),
                    optional instanceof YScalar s && Boolean.TRUE.equals(s.asBoolean())));
        }
    }

    private static Container container(YMap c, List<ObjectRef> volumeRefs, FileFacts.Builder out) {
        String cname = Y.str(c.get("name"));
        String image = Y.str(c.get("image"));
        List<Port> ports = new ArrayList<>();
        for (YNode p : Y.seq(c.get("ports"))) {
            Integer cp = Y.integer(Y.at(p, "containerPort"));
            if (cp != null) {
                ports.add(new Port(cp, Y.str(Y.at(p, "protocol")), Y.str(Y.at(p, "name")),
                        out.loc(Y.at(p, "containerPort").range())));
            }
        }
        List<EnvVar> env = new ArrayList<>();
        List<ObjectRef> refs = new ArrayList<>(volumeRefs);
        for (YNode e : Y.seq(c.get("env"))) {
            YMap em = Y.map(e);
            String n = em == null ? null : Y.str(em.get("name"));
            if (n == null) {
                continue;
            }
            YNode value = em.get("value");
            String v = value instanceof YScalar s && !s.isNull() ? s.value() : null;
            env.add(new EnvVar(n, v, out.loc(em.get("name").range()),
                    out.loc(value != null ? value.range() : em.get("name").range())));
            ref(Y.at(em, "valueFrom", "configMapKeyRef", "name"), "ConfigMap", Y.at(em, "valueFrom", "configMapKeyRef"),
                    refs, out);
            ref(Y.at(em, "valueFrom", "secretKeyRef", "name"), "Secret", Y.at(em, "valueFrom", "secretKeyRef"), refs, out);
            if (v != null) {
                String fp = SecretFingerprints.of(n, v);
                if (fp != null) {
                    out.secret(new SecretUse(fp, n, out.loc(value.range())));
                }
            }
        }
        for (YNode e : Y.seq(c.get("envFrom"))) {
            ref(Y.at(e, "configMapRef", "name"), "ConfigMap", Y.at(e, "configMapRef"), refs, out);
            ref(Y.at(e, "secretRef", "name"), "Secret", Y.at(e, "secretRef"), refs, out);
        }
        List<Probe> probes = new ArrayList<>();
        for (String type : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            YNode http = Y.at(c, type, "httpGet");
            if (!(http instanceof YMap hm)) {
                continue;
            }
            YNode path = hm.get("path");
            YNode port = hm.get("port");
            Integer pn = Y.integer(port);
            String pname = pn == null ? Y.str(port) : null;
            Loc pathLoc = out.loc(path != null ? path.range() : hm.range());
            probes.add(new Probe(type, path == null ? "/" : Y.str(path), pn, pname, pathLoc,
                    port == null ? pathLoc : out.loc(port.range())));
        }
        Set<String> requests = new LinkedHashSet<>();
        YMap req = Y.map(Y.at(c, "resources", "requests"));
        if (req != null) {
            for (YEntry e : req.entries()) {
                if (e.keyText() != null && Y.str(e.value()) != null) {
                    requests.add(e.keyText().strip());
                }
            }
        }
        StringBuilder cmd = new StringBuilder();
        for (String key : new String[] {"command", "args"}) {
            for (YNode a : Y.seq(c.get(key))) {
                String s = Y.str(a);
                if (s != null) {
                    cmd.append(' ').append(s);
                }
            }
        }
        TextRange anchor = c.get("name") != null ? c.get("name").range() : c.range();
        return new Container(cname == null ? "?" : cname, image, c.get("image") == null ? null
                : out.loc(c.get("image").range()), ports, List.of(), List.of(), env, refs, probes, requests,
                cmd.toString().strip(), out.loc(anchor));
    }

    private static void service(String name, String ns, Loc nameLoc, YMap spec, FileFacts.Builder out) {
        if (spec == null) {
            out.service(new KService(ns, name, nameLoc, Map.of(), null, List.of(), null));
            return;
        }
        YNode sel = spec.get("selector");
        List<ServicePort> ports = new ArrayList<>();
        for (YNode p : Y.seq(spec.get("ports"))) {
            YMap pm = Y.map(p);
            Integer port = pm == null ? null : Y.integer(pm.get("port"));
            if (port == null) {
                continue;
            }
            YNode tp = pm.get("targetPort");
            Integer tpn = tp == null ? port : Y.integer(tp);
            String tpName = tp != null && tpn == null ? Y.str(tp) : null;
            Loc portLoc = out.loc(pm.get("port").range());
            ports.add(new ServicePort(Y.str(pm.get("name")), port, portLoc, tpn, tpName, tp == null ? portLoc : out.loc(tp.range())));
        }
        out.service(new KService(ns, name, nameLoc, Y.strings(sel), sel == null ? null : out.loc(sel.range()), ports,
                Y.str(spec.get("type"))));
    }

    private static void ingress(String name, String ns, YMap spec, FileFacts.Builder out) {
        if (spec == null) {
            return;
        }
        List<YNode> backends = new ArrayList<>();
        addIfMap(backends, spec.get("defaultBackend"));
        addIfMap(backends, spec.get("backend"));
        for (YNode rule : Y.seq(spec.get("rules"))) {
            for (YNode path : Y.seq(Y.at(rule, "http", "paths"))) {
                addIfMap(backends, Y.at(path, "backend"));
            }
        }
        for (YNode b : backends) {
            YNode svcName = Y.at(b, "service", "name");
            YNode port = Y.at(b, "service", "port", "number");
            YNode portName = Y.at(b, "service", "port", "name");
            if (svcName == null) {
                svcName = Y.at(b, "serviceName");
                YNode sp = Y.at(b, "servicePort");
                if (Y.integer(sp) != null) {
                    port = sp;
                } else {
                    portName = sp;
                }
            }
            String s = Y.str(svcName);
            if (s == null) {
                continue;
            }
            YNode portNode = port != null ? port : portName;
            out.ingress(new IngressBackend(ns, name, s, out.loc(svcName.range()), Y.integer(port),
                    port == null ? Y.str(portName) : null, portNode == null ? null : out.loc(portNode.range())));
        }
    }

    private static void addIfMap(List<YNode> l, YNode n) {
        if (n instanceof YMap) {
            l.add(n);
        }
    }

    private static void hpa(YMap root, String name, String ns, Loc nameLoc, YMap spec, FileFacts.Builder out) {
        if (spec == null) {
            return;
        }
        YNode ref = spec.get("scaleTargetRef");
        YNode targetName = Y.at(ref, "name");
        Set<String> resources = new LinkedHashSet<>();
        if (spec.get("targetCPUUtilizationPercentage") != null) {
            resources.add("cpu");
        }
        boolean anyMetric = false;
        for (YNode m : Y.seq(spec.get("metrics"))) {
            anyMetric = true;
            String type = Y.str(Y.at(m, "type"));
            if ("Resource".equals(type) || "ContainerResource".equals(type)) {
                String r = Y.str(Y.at(m, type.equals("Resource") ? "resource" : "containerResource", "name"));
                if (r != null) {
                    resources.add(r);
                }
            }
        }
        if (!anyMetric && resources.isEmpty()) {
            resources.add("cpu"); // the default metric: 80% average CPU utilisation
        }
        YNode max = spec.get("maxReplicas");
        out.hpa(new Hpa(ns, name, nameLoc, Y.str(Y.at(ref, "kind")), Y.str(targetName),
                targetName == null ? nameLoc : out.loc(targetName.range()), Y.integer(spec.get("minReplicas")),
                Y.integer(max), max == null ? null : out.loc(max.range()), resources));
    }

    private static void configObject(YMap root, String kind, String name, String ns, Loc nameLoc,
            FileFacts.Builder out) {
        Set<String> keys = new LinkedHashSet<>();
        for (String section : new String[] {"data", "stringData", "binaryData"}) {
            YMap m = Y.map(root.get(section));
            if (m == null) {
                continue;
            }
            for (YEntry e : m.entries()) {
                if (e.keyText() == null) {
                    continue;
                }
                keys.add(e.keyText().strip());
                if (kind.equals("Secret") && !section.equals("binaryData")) {
                    String v = Y.str(e.value());
                    if (v != null && section.equals("data")) {
                        v = decode(v);
                    }
                    String fp = v == null ? null : SecretFingerprints.of(e.keyText(), v, true);
                    if (fp != null) {
                        out.secret(new SecretUse(fp, e.keyText().strip(), out.loc(e.value().range())));
                    }
                }
            }
        }
        out.configObject(new ConfigObject(ns, kind, name, nameLoc, keys));
    }

    private static void netPolicy(String name, String ns, Loc nameLoc, YMap spec, FileFacts.Builder out) {
        YNode sel = Y.at(spec, "podSelector");
        Map<String, String> labels = Y.strings(Y.at(sel, "matchLabels"));
        boolean expressions = Y.at(sel, "matchExpressions") != null;
        List<Facts.Peer> peers = new ArrayList<>();
        for (String[] dir : new String[][] {{"ingress", "from"}, {"egress", "to"}}) {
            for (YNode rule : Y.seq(Y.at(spec, dir[0]))) {
                for (YNode peer : Y.seq(Y.at(rule, dir[1]))) {
                    YNode ps = Y.at(peer, "podSelector");
                    Map<String, String> pl = Y.strings(Y.at(ps, "matchLabels"));
                    if (ps != null && Y.at(peer, "namespaceSelector") == null && Y.at(ps, "matchExpressions") == null
                            && !pl.isEmpty()) {
                        peers.add(new Facts.Peer(pl, out.loc(ps.range())));
                    }
                }
            }
        }
        Loc selLoc = sel != null ? out.loc(sel.range()) : nameLoc;
        out.netPolicy(new Facts.NetPolicy(ns, name, nameLoc, labels, selLoc, labels.isEmpty() && !expressions,
                expressions, peers));
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getMimeDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Map<String, String> copy(Map<String, String> m) {
        return new LinkedHashMap<>(m);
    }
}
