package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.image.ImageRef;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YScalar;

/** {@code image: api} or {@code image: api:latest}: pods of one rollout can run different builds. */
public final class UnpinnedImage implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/unpinned-image", "Image is not pinned to a version",
            Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() == null) {
                continue;
            }
            for (Container c : o.pod().all()) {
                if (!(c.map().get("image") instanceof YScalar img) || img.value().isBlank()) {
                    continue;
                }
                ImageRef ref = ImageRef.parse(img.value());
                if (ref.templated() || !ref.mutable()) {
                    continue;
                }
                ctx.report(img.range(), o.label() + ": image '" + img.value().strip() + "' of " + c.label()
                        + (ref.untagged() ? " has no tag (so ':latest')" : " uses ':latest'") + ": nodes may run "
                        + "different builds and rollbacks restore nothing; pin a version tag or a digest");
            }
        }
    }
}
