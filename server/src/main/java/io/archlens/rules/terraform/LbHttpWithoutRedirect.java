package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;

/** Load balancer listeners serving plain HTTP instead of redirecting to HTTPS. */
public final class LbHttpWithoutRedirect implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/lb-http-without-redirect",
            "Load balancer serves plain HTTP instead of redirecting to HTTPS", Severity.WARNING, Category.SECURITY,
            FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        List<HclBlock> listeners = new ArrayList<>(f.resources("aws_lb_listener"));
        listeners.addAll(f.resources("aws_alb_listener"));
        for (HclBlock l : listeners) {
            HclExpr protocol = l.value("protocol");
            String p = Tf.str(protocol);
            HclExpr at;
            if (p != null) {
                if (!p.equalsIgnoreCase("HTTP")) {
                    continue;
                }
                at = protocol;
            } else if (protocol == null && l.value("certificate_arn") == null && Tf.num(l.value("port")) != null
                    && Tf.num(l.value("port")) == 80) {
                at = l.value("port");
            } else {
                continue;
            }
            boolean redirects = false;
            for (HclBlock a : l.blocks("default_action")) {
                String type = Tf.attrStr(a, "type");
                if ("redirect".equals(type)) {
                    HclBlock r = a.block("redirect");
                    String proto = r == null ? null : Tf.attrStr(r, "protocol");
                    redirects = proto == null || proto.equalsIgnoreCase("HTTPS") || proto.equals("#{protocol}");
                } else if ("fixed-response".equals(type)) {
                    redirects = true; // nothing is served over HTTP
                }
            }
            if (!redirects) {
                ctx.report(at.range(), "Listener " + l.label(1) + " forwards plain HTTP to the application:"
                        + " credentials and cookies cross the network unencrypted; make port 80 a redirect"
                        + " (type = \"redirect\", protocol = \"HTTPS\", status_code = \"HTTP_301\") and serve on"
                        + " an HTTPS listener");
            }
        }
    }
}
