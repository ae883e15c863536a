package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.ConfigObject;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.ObjectRef;
import io.archlens.model.Facts.Platform;
import io.archlens.model.FileFacts;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload names a ConfigMap, Secret or ServiceAccount that no manifest of the project defines, or a key the
 * ConfigMap or Secret does not have. Judged only where the project clearly holds these objects: it defines at least
 * one of that kind, no kustomization (whose generators make ConfigMaps and Secrets) lists its files and no custom
 * resource (an operator, an ExternalSecret) may create them; {@code optional: true} references, the
 * {@code default} service account and objects a related folder of the workspace defines ({@link io.archlens.model.WorkspaceObjects}) are left
 * alone.
 */
public final class MissingReferencedObject implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/missing-referenced-object",
            "A workload references a ConfigMap, Secret or ServiceAccount the project does not define",
            Severity.WARNING, Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        List<ConfigObject> defined = new ArrayList<>();
        for (FileFacts f : model.files()) {
            if (!f.customResources().isEmpty()
                    || f.refs().stream().anyMatch(r -> r.kind() == FileRef.Kind.KUSTOMIZE_BASE)) {
                return; // objects may come from generators or operators the model does not see
            }
            defined.addAll(f.configObjects());
        }
        for (Node n : model.nodes()) {
            if (n.platform() != Platform.KUBERNETES) {
                continue;
            }
            String ns = n.workload().scope();
            for (Container c : n.workload().containers()) {
                for (ObjectRef r : c.refs()) {
                    if (r.optional() || r.kind().equals("ServiceAccount") && r.name().equals("default")) {
                        continue;
                    }
                    List<ConfigObject> ofKind = defined.stream().filter(o -> o.kind().equals(r.kind())).toList();
                    if (ofKind.isEmpty()) {
                        continue; // the project keeps no such objects: they are made elsewhere
                    }
                    ConfigObject target = ofKind.stream().filter(o -> o.name().equals(r.name()) && o.scope().equals(ns))
                            .findFirst().orElse(null);
                    if (target == null && model.workspace().definesNear(r.kind(), r.name(), r.loc().path())) {
                        continue; // a related folder of the repository defines it: applied together
                    }
                    if (target == null) {
                        List<Related> rel = ofKind.stream().limit(2).map(o -> o.nameLoc().related(o.kind() + " '"
                                + o.name() + "' is defined here (namespace " + o.scope() + ")")).toList();
                        out.report(r.loc(), n.workload().label() + " uses " + r.kind() + " '" + r.name() + "', which no "
                                + "manifest of this project defines in namespace '" + ns + "' (it defines other "
                                + r.kind() + "s); the pods do not start until it exists: add it, fix the name, or mark "
                                + "the reference optional: true (assumes it is not created outside these files)", rel);
                    } else if (r.key() != null && !target.keys().isEmpty() && !target.keys().contains(r.key())) {
                        out.report(r.loc(), n.workload().label() + " reads key '" + r.key() + "' of " + r.kind() + " '"
                                + r.name() + "', which has no such key (it has " + String.join(", ", target.keys())
                                + "); the container does not start: fix the key name",
                                List.of(target.nameLoc().related(r.kind() + " '" + r.name() + "' is defined here")));
                    }
                }
            }
        }
    }
}
