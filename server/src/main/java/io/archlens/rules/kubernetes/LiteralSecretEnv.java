package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretValues;
import io.archlens.secrets.UrlPasswords;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;

/** A password, token or key written as a literal {@code env} value instead of a {@code secretKeyRef}. */
public final class LiteralSecretEnv implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/literal-secret-env", "Secret written as a literal env value",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        String text = ctx.text();
        for (K8sObject o : f.objects()) {
            if (o.pod() == null) {
                continue;
            }
            for (Container c : o.pod().all()) {
                if (!(c.map().get("env") instanceof YSeq env)) {
                    continue;
                }
                for (YNode item : env.items()) {
                    if (!(item instanceof YMap e) || !(e.get("value") instanceof YScalar v) || e.getText("name") == null) {
                        continue;
                    }
                    String name = e.getText("name").strip();
                    if (SecretKeys.isSecretKey(name)
                            && SecretValues.isLiteral(v.value())) {
                        ctx.report(v.range(), o.label() + ": " + name + " of " + c.label() + " is a literal secret in "
                                + "the manifest (readable by anyone who can read the manifest or the pod spec); use "
                                + "valueFrom.secretKeyRef");
                        continue;
                    }
                    UrlPasswords.UrlPassword pw = UrlPasswords.firstLiteral(v.value());
                    if (pw != null) {
                        String raw = text.substring(v.range().start(), v.range().end());
                        String password = v.value().substring(pw.start(), pw.end());
                        int at = raw.indexOf(password);
                        TextRange r = at < 0 ? v.range()
                                : new TextRange(v.range().start() + at, v.range().start() + at + password.length());
                        ctx.report(r, o.label() + ": the URL in " + name + " of " + c.label() + " contains a literal "
                                + "password; take it from a Secret (secretKeyRef) and compose the URL with $(VAR)");
                    }
                }
            }
        }
    }
}
