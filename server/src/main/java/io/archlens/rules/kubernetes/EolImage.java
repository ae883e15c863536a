package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.image.EolTable;
import io.archlens.syntax.image.ImageRef;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;

/** A container image past its end of life, per the table {@code docker/eol-base-image} uses ({@link EolTable}). */
public final class EolImage implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/eol-image", "End-of-life image", Severity.WARNING,
            Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sSupport.PodContainer pc : K8sSupport.containers(f)) {
            Container c = pc.container();
            String why = c.image() == null || c.map().get("image") == null ? null
                    : EolTable.pastEndOfLife(ImageRef.parse(c.image()));
            if (why != null) {
                ctx.report(c.map().get("image").range(), pc.object().label() + ": '" + c.image().strip() + "' is "
                        + why);
            }
        }
    }
}
