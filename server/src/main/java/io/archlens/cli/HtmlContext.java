package io.archlens.cli;

import static io.archlens.cli.Html.esc;

import io.archlens.config.ProjectContext;
import io.archlens.config.Settings;
import io.archlens.model.SystemModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report's "Context in effect" section: which settings file was read, the profile, the {@code context:} answers
 * (stage, load, replicas, database engine and version...) with the unset ones said so, rule overrides, ignored
 * globs and limits; a project whose own settings differ shows its context too.
 */
final class HtmlContext {
    /** The context keys {@link ProjectContext} reads, shown in this order even when unset. */
    private static final Set<String> KNOWN = Set.of("stage", "requests-per-second", "rps", "replicas", "team-size",
            "database", "database-engine", "database-max-connections", "database-version", "cloud", "required-tags");

    private HtmlContext() {
    }

    static void write(Settings settings, String settingsFile, List<SystemModel> projects, StringBuilder sb) {
        sb.append("<section id=\"context\">\n<h2>Context in effect</h2>\n<dl class=\"context\">\n");
        item(sb, "settings file", settingsFile == null ? "none: the defaults" : settingsFile);
        item(sb, "profile", settings.profile().id());
        context(settings.context(), sb);
        sb.append("</dl>\n");
        if (!settings.rules().isEmpty()) {
            sb.append("<table class=\"overrides\">\n<caption>Rule settings (<code>rules:</code>)</caption>\n")
                    .append("<tr><th>rule</th><th>setting</th></tr>\n");
            new TreeMap<>(settings.rules()).forEach((k, v) -> sb.append("<tr><td><code>").append(esc(k))
                    .append("</code></td><td>").append(esc(v)).append("</td></tr>\n"));
            sb.append("</table>\n");
        }
        sb.append("<dl class=\"context\">\n");
        item(sb, "ignored paths", settings.ignore().isEmpty() ? "none" : String.join(", ", settings.ignore()));
        item(sb, "max-file-bytes", String.valueOf(settings.maxFileBytes()));
        item(sb, "max-findings-per-file", String.valueOf(settings.maxFindingsPerFile()));
        item(sb, "analysis-timeout-ms", String.valueOf(settings.analysisTimeoutMs(Settings.CHECK_ANALYSIS_TIMEOUT_MS)));
        sb.append("</dl>\n");
        for (SystemModel m : projects) {
            ProjectContext c = m.context();
            if (c != null && !m.project().isEmpty() && !c.raw().equals(settings.context().raw())) {
                sb.append("<h3>").append(esc(m.project())).append("</h3>\n<dl class=\"context\">\n");
                context(c, sb);
                sb.append("</dl>\n");
            }
        }
        sb.append("<p class=\"note\">Rules that need an unset answer treat it as unknown; set it under")
                .append(" <code>context:</code> in <code>.archlens.yml</code> (docs/configuration.md).</p>\n")
                .append("</section>\n");
    }

    private static void context(ProjectContext c, StringBuilder sb) {
        item(sb, "stage", c.stage());
        item(sb, "requests per second", c.requestsPerSecond());
        item(sb, "replicas", c.replicas());
        item(sb, "team size", c.teamSize());
        item(sb, "database engine", c.databaseEngine());
        item(sb, "database version", c.databaseVersion());
        item(sb, "database max connections", c.databaseMaxConnections());
        item(sb, "cloud", c.cloud());
        item(sb, "required tags", c.requiredTags().isEmpty() ? null : String.join(", ", c.requiredTags()));
        List<String> other = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(c.raw()).entrySet()) {
            if (!KNOWN.contains(e.getKey())) {
                other.add(e.getKey() + ": " + e.getValue());
            }
        }
        if (!other.isEmpty()) {
            item(sb, "other context", String.join("; ", other));
        }
    }

    private static void item(StringBuilder sb, String name, Object value) {
        sb.append("<dt>").append(esc(name)).append("</dt><dd").append(value == null ? " class=\"unset\">not set"
                : ">" + esc(String.valueOf(value))).append("</dd>\n");
    }
}
