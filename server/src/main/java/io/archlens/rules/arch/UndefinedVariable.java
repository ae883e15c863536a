package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.VarUse;
import io.archlens.model.FileFacts;
import io.archlens.model.Paths;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code ${VAR}} in a Compose file has no default and no .env file next to the Compose file provides it:
 * Compose substitutes an empty string (with only a warning).
 */
public final class UndefinedVariable implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/undefined-variable",
            "A Compose variable is provided by no .env file and has no default", Severity.WARNING,
            Category.RELIABILITY, null);
    /** Set by every shell; not worth asking for. */
    private static final Set<String> AMBIENT = Set.of("HOME", "USER", "PWD", "UID", "GID", "HOSTNAME", "PATH",
            "SHELL", "TMPDIR", "LANG", "COMPOSE_PROJECT_NAME", "DOCKER_HOST");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (FileFacts f : model.files()) {
            if (f.kind() != FileKind.COMPOSE || f.varUses().isEmpty()) {
                continue;
            }
            List<FileFacts> envs = new ArrayList<>();
            for (FileFacts e : model.files()) {
                if (e.env() != null && Paths.parent(e.path()).equals(f.dir()) && (Paths.name(e.path()).startsWith(".env")
                        || Paths.name(e.path()).toLowerCase(java.util.Locale.ROOT).startsWith("env"))) {
                    // .env, .env.example, and samples without the dot (env-example-relational) a user copies to .env
                    envs.add(e);
                }
            }
            // one finding per variable and file, at its first use; the other uses are related locations
            java.util.Map<String, List<VarUse>> byName = new java.util.LinkedHashMap<>();
            for (VarUse v : f.varUses()) {
                if (v.hasDefault() || AMBIENT.contains(v.name()) || provided(envs, v.name())) {
                    continue;
                }
                byName.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
            }
            for (List<VarUse> uses : byName.values()) {
                VarUse v = uses.get(0);
                List<Related> rel = new ArrayList<>();
                for (FileFacts e : envs) {
                    rel.add(SystemModel.top(e).related(Paths.name(e.path()) + " does not set " + v.name()));
                }
                for (VarUse other : uses.subList(1, uses.size())) {
                    rel.add(other.loc().related("${" + v.name() + "} is used here too"));
                }
                String where = envs.isEmpty() ? "there is no .env next to the Compose file"
                        : "no .env file next to the Compose file sets it";
                String times = uses.size() > 1 ? " (used " + uses.size() + " times)" : "";
                out.report(v.loc(), "${" + v.name() + "}" + times + " has no default and " + where + "; Compose"
                        + " substitutes an empty string, add it to .env or write ${" + v.name() + ":-default} (or ${"
                        + v.name() + ":?explain} to fail fast)", rel);
            }
        }
    }

    private static boolean provided(List<FileFacts> envs, String name) {
        for (FileFacts e : envs) {
            if (e.env().vars().containsKey(name)) {
                return true;
            }
        }
        return false;
    }
}
