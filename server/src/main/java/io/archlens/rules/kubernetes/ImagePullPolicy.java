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

/** A mutable tag with {@code imagePullPolicy: IfNotPresent|Never}: nodes keep whatever they pulled first. */
public final class ImagePullPolicy implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/image-pull-policy",
            "imagePullPolicy does not fit the image tag", Severity.WARNING, Category.RELIABILITY, FileKind.KUBERNETES);

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
                if (!(c.map().get("imagePullPolicy") instanceof YScalar policy) || c.image() == null) {
                    continue;
                }
                ImageRef ref = ImageRef.parse(c.image());
                String p = policy.value().strip();
                if (ref.templated() || !ref.mutable() || !(p.equals("IfNotPresent") || p.equals("Never"))) {
                    continue;
                }
                ctx.report(policy.range(), o.label() + ": " + c.label() + " uses a moving tag with imagePullPolicy "
                        + p + ": each node keeps the build it pulled first, so pods differ across nodes; pin the "
                        + "image (then IfNotPresent is right) or use Always");
            }
        }
    }
}
