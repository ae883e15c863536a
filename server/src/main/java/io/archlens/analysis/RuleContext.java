package io.archlens.analysis;

import io.archlens.config.ProjectContext;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a rule sees while it runs on one file, and how it reports. One instance per rule run. */
public final class RuleContext {
    private final SourceFile file;
    private final RuleMeta meta;
    private final ProjectContext project;
    private final Profile profile;
    private final List<Finding> sink;

    public RuleContext(SourceFile file, RuleMeta meta, ProjectContext project, Profile profile, List<Finding> sink) {
        this.file = file;
        this.meta = meta;
        this.project = project;
        this.profile = profile;
        this.sink = sink;
    }

    public SourceFile file() {
        return file;
    }

    public String text() {
        return file.text();
    }

    public RuleMeta meta() {
        return meta;
    }

    /** The project's declared context (.archlens.yml {@code context:}); never null, fields may be unset. */
    public ProjectContext project() {
        return project;
    }

    /**
     * The active profile (setting {@code profile}). A rule whose judgement needs a fact the project has not declared
     * may assume the demanding answer under {@link Profile#STRICT}, saying so in its message.
     */
    public Profile profile() {
        return profile;
    }

    public Finding report(TextRange range, String message, Fix... fixes) {
        return report(range, message, Arrays.asList(fixes), List.of());
    }

    public Finding report(TextRange range, String message, List<Fix> fixes, List<Related> related) {
        TextRange clamped = clamp(range);
        Finding f = new Finding(meta.id(), meta.defaultSeverity(), meta.category(), clamped, message, null,
                new ArrayList<>(fixes), related, meta.tags(), Finding.RULE_BOOK_SOURCE, null);
        sink.add(f);
        return f;
    }

    private TextRange clamp(TextRange r) {
        int len = file.text().length();
        int s = Math.min(r.start(), len);
        int e = Math.min(Math.max(r.end(), s), len);
        return new TextRange(s, e);
    }
}
