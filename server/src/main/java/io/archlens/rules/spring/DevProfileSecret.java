package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.spring.RelaxedNames;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/**
 * A credential-like literal secret (12+ characters, not made up: no example words, mixed characters) in a
 * development document ({@code application-dev.yml}, {@code on-profile: local}) of a file under {@code src/main}:
 * {@code spring/literal-secret} leaves those alone as throw-away, but the file is committed and packaged into the
 * jar and the image, and real keys (a sandbox API key, a shared dev database) are often reused. Test sources are
 * not judged.
 */
final class DevProfileSecret extends SpringRule {
    static final RuleMeta META = spring("dev-profile-secret",
            "A real-looking secret is committed in a development profile", Severity.WARNING, Category.SECURITY);

    DevProfileSecret() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        if (cfg.testScope()) {
            return;
        }
        for (SpringDocument doc : cfg.documents()) {
            if (!doc.devOnly()) {
                continue;
            }
            for (SpringProperty p : doc.properties()) {
                String v = p.value().trim();
                if (LiteralSecret.literal(p) && SecretValues.credentialLike(v) && !SecretValues.looksMadeUp(v)) {
                    ctx.report(p.valueRange(), "'" + p.key() + "' holds a real-looking secret in a development "
                            + "profile: the file is committed, packaged into the jar and the image, and stays in the "
                            + "history; development keys are often shared or reused. Read it from the environment ${"
                            + RelaxedNames.envName(p.key()) + "} or an untracked application-local.yml");
                }
            }
        }
    }
}
