package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.regex.Pattern;

/**
 * A port number outside 1-65535 or a port name the API rejects (an IANA service name: at most 15 lowercase
 * letters, digits and single hyphens, with a letter, no hyphen at either end) in a Service's {@code targetPort} or
 * a container's ports.
 */
public final class InvalidPort implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/invalid-port", "Port number or name the API rejects",
            Severity.ERROR, Category.RELIABILITY, FileKind.KUBERNETES);
    private static final Pattern NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-))*[a-z0-9]|[a-z]");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.is("Service") && o.spec() != null && o.spec().get("ports") instanceof YSeq ports) {
                for (YNode p : ports.items()) {
                    check(ctx, o, p.at("targetPort"), "targetPort", true);
                    check(ctx, o, p.at("port"), "port", false);
                }
            }
            if (o.pod() == null) {
                continue;
            }
            for (Container c : o.pod().all()) {
                if (c.map().get("ports") instanceof YSeq ports) {
                    for (YNode p : ports.items()) {
                        check(ctx, o, p.at("containerPort"), c.label() + " containerPort", false);
                        check(ctx, o, p.at("name"), c.label() + " port name", true);
                    }
                }
            }
        }
    }

    private static void check(RuleContext ctx, K8sObject o, YNode n, String what, boolean nameAllowed) {
        if (!(n instanceof YScalar s) || s.value() == null || s.value().isBlank()) {
            return;
        }
        String v = s.value().strip();
        if (v.contains("{{") || v.contains("$")) {
            return;
        }
        boolean isName = what.endsWith("name") || nameAllowed && !s.plain(); // a quoted targetPort is a name
        if (v.matches("[0-9]+") && !isName) {
            long port = v.length() > 6 ? Long.MAX_VALUE : Long.parseLong(v);
            if (port < 1 || port > 65535) {
                ctx.report(s.range(), o.label() + ": " + what + " " + v + " is not a port (1-65535): the API server "
                        + "rejects the object");
            }
            return;
        }
        if (nameAllowed && (v.length() > 15 || !NAME.matcher(v).matches())) {
            ctx.report(s.range(), o.label() + ": " + what + " '" + v + "' is not a valid port name (at most 15 "
                    + "lowercase letters, digits and single hyphens, with at least one letter): the API server rejects "
                    + "the object");
        }
    }
}
