package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.List;

/** {@code management.endpoints.web.exposure.include=*} outside development profiles. */
final class ActuatorExposesAll extends SpringRule {
    static final RuleMeta META = spring("actuator-exposes-all",
            "Every actuator endpoint (heapdump, env, threaddump...) is exposed over HTTP",
            Severity.ERROR, Category.SECURITY).withFix();
    static final String INCLUDE = key("management.endpoints.web.exposure.include");

    ActuatorExposesAll() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            List<SpringDocument.Item> items = doc.list(INCLUDE, ctx.text());
            for (SpringDocument.Item item : items) {
                if (!item.value().equals("*")) {
                    continue;
                }
                Fix fix = fix(ctx, cfg, item, items.size());
                String msg = "Actuator exposes every endpoint over HTTP, including heapdump, env and threaddump;"
                        + " expose only what you need (include=health,info)";
                if (fix != null) {
                    ctx.report(item.range(), msg, fix);
                } else {
                    ctx.report(item.range(), msg);
                }
            }
        }
    }

    private static Fix fix(RuleContext ctx, SpringConfig cfg, SpringDocument.Item item, int count) {
        SpringProperty p = item.property();
        String title = "Expose only health and info";
        if (!p.canonical().endsWith("]")) {
            return Fix.safe(title, SpringFixes.replaceValue(cfg, p, "health,info"));
        }
        if (count != 1) {
            return null;
        }
        // the only item of a YAML sequence
        if (p.flow()) {
            return Fix.safe(title, Edit.replace(p.valueRange(), "health, info"));
        }
        String text = ctx.text();
        LineIndex lines = ctx.file().lines();
        int lineStart = lines.lineStart(lines.lineOf(p.valueRange().start()));
        int dash = text.lastIndexOf('-', p.valueRange().start());
        if (dash < lineStart || !text.substring(lineStart, dash).isBlank()) {
            return null;
        }
        String indent = text.substring(lineStart, dash);
        return Fix.safe(title, Edit.replace(p.valueRange(), "health" + cfg.eol() + indent + "- info"));
    }
}
