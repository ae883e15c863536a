package io.archlens.rules.kubernetes;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.SourceFile;
import io.archlens.analysis.Suppression;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.kubernetes.KubernetesParser;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.SkaffoldImages;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes manifests: workload security and resilience, exposure, RBAC and API versions. Besides the
 * comment syntax, an object can carry {@code archlens.io/ignore: "rule-a,rule-b -- reason"} as an annotation;
 * it suppresses those rules (short ids mean {@code k8s/...}) for that object only.
 */
public final class KubernetesPack implements RulePack<K8sFile> {
    public static final String IGNORE_ANNOTATION = "archlens.io/ignore";
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9*_-]+(?:/[A-Za-z0-9*_-]+)?");

    private static final List<Rule<K8sFile>> RULES = List.of(
            new NoResourceRequests(),
            new NoMemoryLimit(),
            new NoLivenessProbe(),
            new NoReadinessProbe(),
            new ProbePortNotDeclared(),
            new UnpinnedImage(),
            new ImagePullPolicy(),
            new NoRunAsNonRoot(),
            new RunsAsRoot(),
            new PrivilegedContainer(),
            new AllowPrivilegeEscalation(),
            new WritableRootFilesystem(),
            new CapabilitiesNotDropped(),
            new DangerousCapability(),
            new HostNamespace(),
            new HostPathMount(),
            new DockerSocketMount(),
            new LiteralSecretEnv(),
            new SingleReplica(),
            new NoAntiAffinity(),
            new ZeroGracePeriod(),
            new MaxUnavailableAll(),
            new CronJobNoConcurrencyPolicy(),
            new CronJobNoStartingDeadline(),
            new JobNoTtl(),
            new JobNoBackoffLimit(),
            new AutomountServiceAccountToken(),
            new DefaultNamespace(),
            new MissingRecommendedLabels(),
            new ExposedServiceType(),
            new IngressNoTls(),
            new RbacWildcard(),
            new ClusterAdminBinding(),
            new DeprecatedApiVersion(),
            new SelectorMismatch(),
            new IncompleteWorkload(),
            new RbacSensitiveAccess(),
            new UnsafeSysctl(),
            new ProcMountUnmasked(),
            new SecretEnvVar(),
            new DeprecatedServiceAccountField(),
            new DuplicateEnvVar(),
            new SshPort(),
            new PdbBlocksEviction(),
            new InvalidPort(),
            new DatastoreWithoutAuth(),
            new EolImage());

    @Override
    public FileKind kind() {
        return FileKind.KUBERNETES;
    }

    @Override
    public Parser<K8sFile> parser() {
        return KubernetesParser::parse;
    }

    @Override
    public List<Rule<K8sFile>> rules() {
        return RULES;
    }

    @Override
    public List<Suppression> modelSuppressions(K8sFile model, SourceFile file) {
        List<Suppression> out = new ArrayList<>();
        for (K8sObject o : model.objects()) {
            YMap ann = o.annotations();
            if (ann == null || !(ann.get(IGNORE_ANNOTATION) instanceof YScalar s)) {
                continue;
            }
            String value = s.value();
            int sep = value.indexOf("--");
            String ids = sep >= 0 ? value.substring(0, sep) : value;
            String reason = sep >= 0 ? value.substring(sep + 2).strip() : null;
            String raw = file.text().substring(s.range().start(), s.range().end());
            int cursor = 0;
            Matcher m = RULE_ID.matcher(ids);
            while (m.find()) {
                String id = m.group();
                String full = id.contains("/") || id.equals("*") ? id : FileKind.KUBERNETES.rulePrefix() + "/" + id;
                int at = raw.indexOf(id, cursor);
                TextRange idRange = at < 0 ? s.range()
                        : new TextRange(s.range().start() + at, s.range().start() + at + id.length());
                if (at >= 0) {
                    cursor = at + id.length();
                }
                out.add(Suppression.scoped(full, o.scope(), idRange, reason));
            }
        }
        out.addAll(OverlaySettings.of(model, file));
        out.addAll(skaffoldBuilt(model, file));
        return out;
    }

    /**
     * Containers whose image a {@code skaffold.yaml} above the manifest builds: Skaffold deploys them with the tag
     * and digest of the image it built, so the name alone is not an unpinned image.
     */
    private static List<Suppression> skaffoldBuilt(K8sFile model, SourceFile file) {
        if (model.objects().stream().noneMatch(o -> o.pod() != null)) {
            return List.of();
        }
        SkaffoldImages.Found skaffold = SkaffoldImages.of(file);
        List<Suppression> out = new java.util.ArrayList<>();
        for (K8sObject o : model.objects()) {
            if (o.pod() == null) {
                continue;
            }
            for (Container c : o.pod().all()) {
                if (skaffold.builds(c.image())) {
                    out.add(Suppression.scoped("k8s/unpinned-image", c.map().range(), null, "Skaffold builds this image"
                            + " and deploys it by tag and digest (" + skaffold.where() + ")"));
                }
            }
        }
        return out;
    }
}
