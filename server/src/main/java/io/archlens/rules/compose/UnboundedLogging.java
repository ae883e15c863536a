package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Container logs without rotation: the default json-file driver keeps every line forever and fills the disk.
 * The fix adds (or completes) a logging block with {@code max-size} and {@code max-file}.
 */
public final class UnboundedLogging implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/unbounded-logging", "Container logs are not rotated",
            Severity.INFO, Category.RELIABILITY, FileKind.COMPOSE).withFix();
    static final String BLOCK = "logging:\n  driver: json-file\n  options:\n    max-size: \"10m\"\n    max-file: \"3\"";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            YEntry logging = s.get("logging");
            if (logging == null) {
                String msg = "Service '" + s.name() + "' logs with the default json-file driver and no size limit: "
                        + "its log file grows until the disk is full; add logging options max-size and max-file";
                Edit edit = s.aliased() ? null : f.edits().insertEntries(s.map(), BLOCK);
                if (edit == null) {
                    ctx.report(s.nameRange(), msg);
                } else {
                    ctx.report(s.nameRange(), msg, Fix.safe("Add a logging block (json-file, max-size 10m, max-file 3)", edit));
                }
                continue;
            }
            if (!(logging.value() instanceof YMap m)) {
                continue;
            }
            String driver = m.getText("driver");
            if (driver != null && !driver.strip().equals("json-file")) {
                continue;
            }
            YNode options = m.get("options");
            boolean size = options != null && options.at("max-size") != null;
            if (size || !seen.add(logging.key().range())) {
                continue;
            }
            String lines = "max-size: \"10m\"" + (options != null && options.at("max-file") != null ? "" : "\nmax-file: \"3\"");
            Edit edit = f.edits().ensure(m, List.of("options"), lines);
            String msg = "Service '" + s.name() + "' uses the json-file log driver without max-size: its log file "
                    + "grows until the disk is full; set options max-size and max-file";
            if (edit == null) {
                ctx.report(logging.key().range(), msg);
            } else {
                ctx.report(logging.key().range(), msg, Fix.safe("Add max-size/max-file to the logging options", edit));
            }
        }
    }
}
