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
 *   <li>kustomizations ({@code kind: Kustomization}) and kustomize patches (workloads without a pod
 *       template, container images or selector, or files named like {@code *patch*}) are left out.</li>
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
        ParseIssue kustomizeHint = null;
        ParseIssue patchHint = null;
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
                    if (kustomizeHint == null) {
                        kustomizeHint = ParseIssue.notAnalyzed(o.kindEntry().value().range(), "Kustomization: it "
                                + "describes how to build manifests and is not deployed itself; ArchLens reviews the "
                                + "resources and patches it lists");
                    }
                    continue;
                }
                String missing = patchFile ? "the file name says it is a patch" : missingPart(o);
                if (missing != null) {
                    if (patchHint == null) {
                        patchHint = ParseIssue.notAnalyzed(o.kindEntry().value().range(), "Looks like a kustomize "
                                + "patch (" + o.label() + ": " + missing + "), so it is not reviewed as a complete "
                                + "object; the base manifest it patches is");
                    }
                    continue;
                }
                objects.add(o);
            }
        }
        if (kustomizeHint != null) {
            issues.add(kustomizeHint);
        }
        if (patchHint != null) {
            issues.add(patchHint);
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

    /** Why a workload looks partial (a patch), or null when it is complete. */
    private static String missingPart(K8sObject o) {
        if (!o.isWorkload()) {
            return null;
        }
        if (o.pod() == null) {
            return "no pod template";
        }
        if (o.pod().containers().isEmpty()) {
            return "no containers";
        }
        for (Container c : o.pod().containers()) {
            if (c.image() == null || c.image().isBlank()) {
                return c.label() + " has no image";
            }
        }
        boolean needsSelector = o.apiVersion().equals("apps/v1") && !o.is("Pod");
        if (needsSelector && (o.spec() == null || o.spec().get("selector") == null)) {
            return "no selector";
        }
        return null;
    }

    private static String text(YMap m, String key) {
        String s = m.getText(key);
        return s == null ? null : s.strip();
    }
}
