package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/**
 * {@code spring.jpa.open-in-view} left on. Explicit {@code true} is reported in every non-development document;
 * a missing setting only in the base file ({@code application.yml}), when a profile-independent document
 * configures {@code spring.jpa.*} and no document of the file sets it.
 */
final class OpenInView extends SpringRule {
    static final RuleMeta META = spring("open-in-view",
            "JPA open-in-view keeps a database connection for the whole web request", Severity.WARNING,
            Category.PERFORMANCE).withFix();
    static final String OPEN_IN_VIEW = key("spring.jpa.open-in-view");
    private static final String JPA = key("spring.jpa");

    OpenInView() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        boolean setAnywhere = false;
        for (SpringDocument doc : cfg.documents()) {
            for (SpringProperty p : last(doc, OPEN_IN_VIEW)) {
                setAnywhere = true;
                if (p.isTrue() && !doc.devOnly()) {
                    ctx.report(p.valueRange(), "open-in-view=true holds a pooled connection (and lazy-loading"
                            + " queries) for the whole request including view rendering; set it to false and fetch"
                            + " what the view needs in the service layer",
                            Fix.unsafe("Set open-in-view to false", SpringFixes.replaceValue(cfg, p, "false")));
                }
            }
        }
        if (setAnywhere || !cfg.isBaseFile()) {
            return;
        }
        for (SpringDocument doc : cfg.documents()) {
            if (!doc.unconditional() || !doc.hasPrefix(JPA)) {
                continue;
            }
            TextRange at = doc.prefixRange(JPA);
            Edit add = SpringFixes.addProperty(ctx.file(), cfg, doc, "spring.jpa.open-in-view", "false");
            String msg = "JPA is configured but spring.jpa.open-in-view is not set, so Spring keeps it on: a"
                    + " connection is held for the whole request; set spring.jpa.open-in-view=false";
            if (add != null) {
                ctx.report(at, msg, Fix.unsafe("Add spring.jpa.open-in-view=false", add));
            } else {
                ctx.report(at, msg);
            }
            return;
        }
    }
}
