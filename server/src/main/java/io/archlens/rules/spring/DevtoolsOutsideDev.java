package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/**
 * DevTools turned on outside development: {@code spring.devtools.restart.enabled=true},
 * {@code spring.devtools.livereload.enabled=true}, or any {@code spring.devtools.remote.secret} (remote restart).
 */
final class DevtoolsOutsideDev extends SpringRule {
    static final RuleMeta META = spring("devtools-outside-dev",
            "Spring DevTools restart or remote access is enabled outside development", Severity.WARNING,
            Category.SECURITY);
    private static final String RESTART = key("spring.devtools.restart.enabled");
    private static final String LIVERELOAD = key("spring.devtools.livereload.enabled");
    private static final String REMOTE_SECRET = key("spring.devtools.remote.secret");

    DevtoolsOutsideDev() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (String k : new String[] {RESTART, LIVERELOAD}) {
                for (SpringProperty p : last(doc, k)) {
                    if (p.isTrue()) {
                        ctx.report(p.valueRange(), p.key() + "=true: DevTools restarts the context on classpath"
                                + " changes and serves LiveReload; keep DevTools out of production builds"
                                + " (developmentOnly scope) and these settings in a dev profile");
                    }
                }
            }
            for (SpringProperty p : last(doc, REMOTE_SECRET)) {
                ctx.report(p.keyRange(), "spring.devtools.remote.secret enables remote DevTools: anyone with the"
                        + " secret can push classes into the running application; never enable it outside a"
                        + " local dev setup");
            }
        }
    }
}
