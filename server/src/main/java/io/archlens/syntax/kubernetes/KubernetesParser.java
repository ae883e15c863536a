package io.archlens.syntax.kubernetes;

import io.archlens.analysis.CoreRules;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the Kubernetes model over the YAML model. Never throws. Files that are not plain manifests degrade
 * to one {@code archlens/not-analyzed} hint instead of parse-error noise:
 * <ul>
 *   <li>Helm templates ({@code {{ ... }}} under {@code templates/}, or any file with {@code {{} that is not
 *       valid YAML) are skipped;</li>
 *   <li>kustomizations ({@code kind: Kustomization}) and kustomize patches (files a kustomization lists as
 *       patches, or named {@code *patch*} in a kustomize layout: {@link KustomizePatches}) are left out;</li>
 *   <li>objects of kinds no rule reviews (OpenShift's Route, SecurityContextConstraints, BuildConfig, custom
 *       resources) get one {@code archlens/not-analyzed} hint per file naming them.</li>
 * </ul>
 */
public final class KubernetesParser {
    private KubernetesParser() {
    }

    public static Parsed<K8sFile> parse(SourceFile file) {
        String text = file.text();
        int template = text.indexOf("{{");
        if (template >= 0 && inTemplatesDir(file.path())) {
            return skipped(file, template, "Helm template: the {{ ... }} expressions make it valid YAML only once "
                    + "rendered, so ArchLens skips it; review the output of `helm template` instead");
        }
        Parsed<YamlFile> yaml = YamlParser.parse(file);
        if (template >= 0 && yaml.issues().stream().anyMatch(i -> i.ruleId().equals(CoreRules.SYNTAX_ERROR.id()))) {
            return skipped(file, template, "Template expressions ({{ ... }}) make this file invalid YAML until it is "
                    + "rendered, so ArchLens skips it; review the rendered manifest instead");
        }
        List<ParseIssue> issues = new ArrayList<>(yaml.issues());
        List<K8sObject> objects = new ArrayList<>();
        boolean patchFile = file.name().toLowerCase(Locale.ROOT).contains("patch");
        // a kustomize patch only when a kustomization lists it (or it is named *patch* in a kustomize layout):
        // anything else is judged as an object, and k8s/incomplete-workload reports what a workload lacks
        ParseIssue toolHint = null;
        ParseIssue patchHint = null;
        java.util.Optional<String> patchRef = null;
        List<K8sObject> unreviewed = new ArrayList<>();
        for (YamlDocument d : yaml.model().documents()) {
            if (!(d.root() instanceof YMap root)) {
                continue;
            }
            List<YMap> roots = new ArrayList<>();
            if ("List".equals(text(root, "kind")) && root.get("items") instanceof YSeq items) {
                for (YNode item : items.items()) {
                    if (item instanceof YMap m) {
                        roots.add(m);
                    }
                }
            } else {
                roots.add(root);
            }
            for (YMap r : roots) {
                K8sObject o = object(r);
                if (o == null) {
                    continue;
                }
                if (("Kustomization".equals(o.kind()) || "Component".equals(o.kind()))
                        && o.apiVersion() != null && o.apiVersion().startsWith("kustomize.config.k8s.io")) {
                    if (toolHint == null) {
                        toolHint = ParseIssue.notAnalyzed(o.kindEntry().value().range(), "Kustomization: it "
                                + "describes how to build manifests and is not deployed itself; ArchLens reviews the "
                                + "resources and patches it lists");
                    }
                    continue;
                }
                if (o.apiVersion() != null && o.apiVersion().startsWith("skaffold/")) {
                    if (toolHint == null) {
                        toolHint = ParseIssue.notAnalyzed(o.kindEntry().value().range(), "Skaffold configuration:"
                                + " it describes how to build images and deploy manifests and is not deployed itself;"
                                + " ArchLens reviews the Dockerfiles and manifests it names");
                    }
                    continue;
                }
                if (patchFile || !o.missingParts().isEmpty()) {
                    if (patchRef == null) {
                        patchRef = java.util.Optional.ofNullable(KustomizePatches.reference(file));
                    }
                    if (patchRef.isPresent()) {
                        if (patchHint == null) {
                            patchHint = ParseIssue.notAnalyzed(o.kindEntry().value().range(), "Kustomize patch ("
                                    + patchRef.get() + "), so " + o.label() + " is not reviewed as a complete object;"
                                    + " the base manifest it patches is");
                        }
                        continue;
                    }
                }
                if (!K8sObject.KNOWN_KINDS.contains(o.kind())) {
                    unreviewed.add(o);
                }
                objects.add(o);
            }
        }
        if (toolHint != null) {
            issues.add(toolHint);
        }
        if (patchHint != null) {
            issues.add(patchHint);
        }
        if (!unreviewed.isEmpty()) {
            issues.add(unreviewedHint(unreviewed, objects.size() > unreviewed.size()));
        }
        return new Parsed<>(new K8sFile(yaml.model(), objects, YamlEdits.of(file, yaml.model())), issues);
    }

    private static boolean inTemplatesDir(String path) {
        String p = path.replace('\\', '/');
        return p.startsWith("templates/") || p.contains("/templates/");
    }

    private static Parsed<K8sFile> skipped(SourceFile file, int at, String message) {
        String text = file.text();
        int close = text.indexOf("}}", at);
        int lineEnd = file.lines().lineEnd(file.lines().lineOf(at));
        int end = close >= 0 && close + 2 <= lineEnd ? close + 2 : lineEnd;
        YamlFile empty = new YamlFile(List.of(), false);
        return new Parsed<>(new K8sFile(empty, List.of(), YamlEdits.of(file, empty)),
                List.of(ParseIssue.notAnalyzed(new TextRange(at, Math.max(end, at + 2)), message)));
    }

    private static K8sObject object(YMap root) {
        YEntry api = root.entry("apiVersion");
        YEntry kind = root.entry("kind");
        if (api == null || kind == null || kind.value().text() == null || api.value().text() == null) {
            return null;
        }
        String k = kind.value().text().strip();
        YMap metadata = root.get("metadata") instanceof YMap m ? m : null;
        PodTemplate pod = K8sObject.WORKLOADS.contains(k) ? PodTemplate.locate(k, root) : null;
        return new K8sObject(root, root.range(), api.value().text().strip(), api, k, kind, metadata, pod);
    }

    /** One note per file for the objects of kinds no rule reviews (OpenShift kinds, custom resources). */
    private static ParseIssue unreviewedHint(List<K8sObject> objects, boolean othersReviewed) {
        java.util.Set<String> labels = new java.util.LinkedHashSet<>();
        for (K8sObject o : objects) {
            labels.add(o.label());
        }
        List<String> shown = new ArrayList<>(labels).subList(0, Math.min(labels.size(), 5));
        String more = labels.size() > shown.size() ? " and " + (labels.size() - shown.size()) + " more" : "";
        return ParseIssue.notAnalyzed(objects.get(0).kindEntry().value().range(), "Not reviewed: "
                + String.join(", ", shown) + more + ". ArchLens has no rules for "
                + (labels.size() == 1 ? "this kind" : "these kinds") + " (OpenShift kinds other than DeploymentConfig, "
                + "custom resources)" + (othersReviewed ? "; the other objects of the file are reviewed" : ""));
    }

    private static String text(YMap m, String key) {
        String s = m.getText(key);
        return s == null ? null : s.strip();
    }
}
