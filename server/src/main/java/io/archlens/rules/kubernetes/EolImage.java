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
import java.time.LocalDate;

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
        LocalDate today = EolTable.today();
        for (K8sSupport.PodContainer pc : K8sSupport.containers(f)) {
            Container c = pc.container();
            if (c.image() == null || c.map().get("image") == null) {
                continue;
            }
            ImageRef img = ImageRef.parse(c.image());
            if (img.templated() || img.tag() == null) {
                continue;
            }
            EolTable.Entry e = EolTable.match(img.key(), img.tag(), today);
            if (e != null) {
                ctx.report(c.map().get("image").range(), pc.object().label() + ": '" + c.image().strip() + "' is past "
                        + "its end of life (" + e.eol() + "): no more security fixes; " + e.advice());
            }
        }
    }
}
