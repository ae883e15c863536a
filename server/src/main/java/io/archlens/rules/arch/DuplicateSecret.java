package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.SecretUse;
import io.archlens.model.FileFacts;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The same secret literal is written in several files: each copy can leak, and rotation misses some. */
public final class DuplicateSecret implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/duplicate-secret",
            "The same secret value is written in several files", Severity.WARNING, Category.SECURITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        Map<String, List<SecretUse>> byValue = new LinkedHashMap<>();
        for (FileFacts f : model.files()) {
            for (SecretUse s : f.secrets()) {
                byValue.computeIfAbsent(s.fingerprint(), k -> new ArrayList<>()).add(s);
            }
        }
        for (List<SecretUse> uses : byValue.values()) {
            Set<String> files = new LinkedHashSet<>();
            for (SecretUse u : uses) {
                files.add(u.loc().uri());
            }
            if (files.size() < 2) {
                continue;
            }
            for (SecretUse u : uses) {
                List<Related> rel = new ArrayList<>();
                List<String> where = new ArrayList<>();
                for (SecretUse o : uses) {
                    if (o != u) {
                        rel.add(o.loc().related("the same value as " + o.key()));
                        where.add(o.loc().display());
                    }
                }
                out.report(u.loc(), "The value of " + u.key() + " is also written in " + Arch.names(where, 4)
                        + "; every copy can leak and a rotation will miss one, keep the secret in one place (a secret "
                        + "store or an untracked .env) and reference it", rel);
            }
        }
    }
}
